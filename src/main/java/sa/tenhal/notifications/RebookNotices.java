package sa.tenhal.notifications;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.RebookListed;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.platform.ClinicTime;

/** Reception is told in the inbox when a visit goes on the desk's "to rebook" list (no patient data in the notice). */
@Component
class RebookNotices {

    static final String KIND = "rebook-listed";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StaffDirectory staff;
    private final ClinicCatalog catalog;
    private final Recipients recipients;
    private final Messages messages;
    private final ClinicTime time;

    RebookNotices(
            StaffDirectory staff, ClinicCatalog catalog, Recipients recipients, Messages messages, ClinicTime time) {
        this.staff = staff;
        this.catalog = catalog;
        this.recipients = recipients;
        this.messages = messages;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(RebookListed listed) {
        var clinic = catalog.clinic(listed.clinicId());
        for (var member : staff.withRole(Role.RECEPTIONIST)) {
            if (!member.enabled()) {
                continue;
            }
            messages.send(new Outgoing(
                    KIND,
                    "RebookListed:" + listed.entryId(),
                    recipients.staff(member),
                    List.of(Channel.IN_APP),
                    Map.of(
                            "why", listed.why().name(),
                            "clinic", clinic.name(member.language()),
                            "when", WHEN.format(time.local(listed.startsAt())),
                            "inboxLink", "/desk/rebook"),
                    true));
        }
    }
}
