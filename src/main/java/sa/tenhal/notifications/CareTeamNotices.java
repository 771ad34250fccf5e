package sa.tenhal.notifications;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.ConsentKind;
import sa.tenhal.patients.ConsentRecorded;
import sa.tenhal.patients.PatientCareTeam;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/** A recorded consent is a notice in the inbox of each member of the patient's care team. */
@Component
class CareTeamNotices {

    private static final Map<ConsentKind, String[]> LABELS = Map.of(
            ConsentKind.TREATMENT, new String[] {"treatment", "العلاج"},
            ConsentKind.DATA_SHARING, new String[] {"data sharing", "مشاركة البيانات"},
            ConsentKind.PHOTO_VIDEO, new String[] {"photo and video", "التصوير والفيديو"},
            ConsentKind.TELEHEALTH, new String[] {"telehealth", "الرعاية الصحية عن بعد"},
            ConsentKind.RESEARCH, new String[] {"research", "البحث العلمي"},
            ConsentKind.COMMUNICATION, new String[] {"communication", "التواصل"});

    private final List<PatientCareTeam> careTeams;
    private final PatientRegistry patients;
    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;

    CareTeamNotices(
            List<PatientCareTeam> careTeams,
            PatientRegistry patients,
            StaffDirectory staff,
            Recipients recipients,
            Messages messages) {
        this.careTeams = careTeams;
        this.patients = patients;
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ConsentRecorded recorded) {
        Set<UUID> team = new LinkedHashSet<>();
        careTeams.forEach(source -> team.addAll(source.staffUserIds(recorded.patient())));
        if (team.isEmpty()) {
            return;
        }
        var patient = patients.find(recorded.patient()).orElse(null);
        if (patient == null) {
            return;
        }
        staff.findAll(team.stream().map(UserId::new).toList()).values().stream()
                .filter(member -> member.enabled())
                .forEach(member -> {
                    Language language = member.language();
                    messages.send(new Outgoing(
                            "consent-recorded",
                            "ConsentRecorded:" + recorded.consentId(),
                            recipients.staff(member),
                            List.of(Channel.IN_APP),
                            Map.of(
                                    "patientName",
                                    patient.fullName(language),
                                    "mrn",
                                    patient.mrn(),
                                    "kind",
                                    LABELS.get(recorded.kind())[language == Language.AR ? 1 : 0],
                                    "inboxLink",
                                    "/patients/" + patient.id()),
                            false));
                });
    }
}
