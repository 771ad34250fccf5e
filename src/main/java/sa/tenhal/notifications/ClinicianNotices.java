package sa.tenhal.notifications;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.UserId;
import sa.tenhal.visits.UnsignedNotesReminderDue;

/** A clinician with unsigned visit notes finds the daily reminder in their inbox, with the way to "My day". */
@Component
class ClinicianNotices {

    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;

    ClinicianNotices(StaffDirectory staff, Recipients recipients, Messages messages) {
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(UnsignedNotesReminderDue due) {
        staff.find(new UserId(due.userId()))
                .filter(member -> member.enabled())
                .ifPresent(member -> messages.send(new Outgoing(
                        "unsigned-notes",
                        "UnsignedNotesReminderDue:" + due.userId() + ":" + due.on(),
                        recipients.staff(member),
                        List.of(Channel.IN_APP),
                        Map.of("count", Integer.toString(due.unsigned()), "inboxLink", "/my-day"),
                        false)));
    }
}
