package sa.tenhal.notifications;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.platform.EventListenerGaveUp;
import sa.tenhal.platform.UnusualPatientAccess;
import sa.tenhal.platform.jobs.JobFailed;

/**
 * Admins hear about background work that failed for good, and about staff who read unusually many patients' records,
 * in their inbox.
 */
@Component
class AdminAlerts {

    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;

    AdminAlerts(StaffDirectory staff, Recipients recipients, Messages messages) {
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(JobFailed failed) {
        tellAdmins(
                "job-failed",
                "JobFailed:" + failed.job() + ":" + failed.instance() + ":" + failed.at(),
                Map.of(
                        "job", failed.job(),
                        "instance", failed.instance(),
                        "attempts", failed.attempts(),
                        "error", failed.error(),
                        "inboxLink", "/api/v1/admin/job-failures"));
    }

    @ApplicationModuleListener
    void on(EventListenerGaveUp gaveUp) {
        tellAdmins(
                "event-listener-gave-up",
                "EventListenerGaveUp:" + gaveUp.publicationId(),
                Map.of(
                        "listener", gaveUp.listener(),
                        "eventType", gaveUp.eventType(),
                        "attempts", gaveUp.attempts(),
                        "error", gaveUp.lastError() == null ? "" : gaveUp.lastError(),
                        "inboxLink", "/api/v1/admin/event-publications"));
    }

    /** User activity monitoring: someone read unusually many patients within an hour. */
    @ApplicationModuleListener
    void on(UnusualPatientAccess unusual) {
        tellAdmins(
                "unusual-patient-access",
                "UnusualPatientAccess:" + unusual.userId() + ":" + unusual.since(),
                Map.of(
                        "username", unusual.username(),
                        "patients", unusual.patients(),
                        "threshold", unusual.threshold(),
                        "inboxLink", "/admin/audit?user=" + unusual.username()));
    }

    private void tellAdmins(String kind, String source, Map<String, Object> model) {
        for (var admin : staff.withRole(Role.ADMIN)) {
            messages.send(new Outgoing(kind, source, recipients.staff(admin), List.of(Channel.IN_APP), model, true));
        }
    }
}
