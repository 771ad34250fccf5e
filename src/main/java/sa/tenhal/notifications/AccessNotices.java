package sa.tenhal.notifications;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.BreakGlassOpened;
import sa.tenhal.patients.PatientRegistry;

/**
 * Managers hear at once when a clinician breaks the glass (opens a patient outside their care team), with the reason,
 * and review it from their inbox.
 */
@Component
class AccessNotices {

    private final StaffDirectory staff;
    private final PatientRegistry patients;
    private final Recipients recipients;
    private final Messages messages;

    AccessNotices(StaffDirectory staff, PatientRegistry patients, Recipients recipients, Messages messages) {
        this.staff = staff;
        this.patients = patients;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(BreakGlassOpened opened) {
        String mrn = patients.find(opened.patient()).map(p -> p.mrn()).orElse("—");
        String username = staff.findAll(List.of(new UserId(opened.userId()))).values().stream()
                .findFirst()
                .map(member -> member.username())
                .orElse("—");
        for (var manager : staff.withRole(Role.MANAGER)) {
            messages.send(new Outgoing(
                    "break-glass-opened",
                    "BreakGlassOpened:" + opened.access(),
                    recipients.staff(manager),
                    List.of(Channel.IN_APP),
                    Map.of("username", username, "mrn", mrn, "reason", opened.reason(), "inboxLink", "/access-reviews"),
                    true));
        }
    }
}
