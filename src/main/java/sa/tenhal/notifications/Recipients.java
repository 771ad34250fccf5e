package sa.tenhal.notifications;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.PatientContact;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;

/** Turns patients and staff into {@link Recipient}s: addresses, the channels they agreed to, language, quiet hours. */
@Component
class Recipients {

    private final PatientRegistry patients;
    private final ContactPreferences preferences;
    private final NotificationProperties properties;

    Recipients(PatientRegistry patients, ContactPreferences preferences, NotificationProperties properties) {
        this.patients = patients;
        this.preferences = preferences;
        this.properties = properties;
    }

    Optional<Recipient> patient(PatientId id) {
        return patients.contact(id).map(this::patient);
    }

    /** For a contact the caller has already read. */
    Recipient patient(PatientContact contact) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (ContactChannel c : contact.channels()) {
            channels.add(Channel.valueOf(c.name()));
        }
        ContactPreferences.Applied applied = preferences.applied(contact.patientId());
        ContactPreferences.QuietHours quiet = applied.quiet();
        ContactPreferences.ChannelChoice choice = applied.channels();
        return new Recipient(
                Recipient.Type.PATIENT,
                contact.patientId().value(),
                contact.givenName(),
                contact.language(),
                contact.email(),
                contact.mobile(),
                channels,
                quiet.start(),
                quiet.end(),
                choice.order(),
                choice.everyChannel());
    }

    /** Staff get email and the in-app inbox; no quiet hours for either. */
    Recipient staff(StaffMember member) {
        return new Recipient(
                Recipient.Type.STAFF,
                member.id().value(),
                member.fullName(member.language()),
                member.language(),
                member.email(),
                null,
                EnumSet.of(Channel.EMAIL, Channel.IN_APP),
                properties.quietStart(),
                properties.quietStart());
    }
}
