package sa.tenhal.desk.appointments;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.BookingConflictException;
import sa.tenhal.appointments.Conflict;
import sa.tenhal.appointments.RuleViolation;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.ProblemException;

/** A refused booking or move in the user's words: each clash (provider, room, patient) and broken rule, with its time. */
@Component
class Refusals {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final ClinicTime time;

    Refusals(MessageSource messages, ClinicTime time) {
        this.messages = messages;
        this.time = time;
    }

    List<String> explain(ProblemException e) {
        var locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>();
        if (e instanceof BookingConflictException conflict) {
            for (Conflict c : conflict.conflicts()) {
                lines.add(messages.getMessage(
                        "desk.conflict." + c.kind(),
                        new Object[] {
                            time.local(c.startsAt()).format(DAY_AND_TIME),
                            time.local(c.endsAt()).format(TIME)
                        },
                        locale));
            }
        } else if (e.properties().get("violations") instanceof List<?> violations) {
            for (Object v : violations) {
                if (v instanceof RuleViolation rule) {
                    lines.add(messages.getMessage("desk.rule." + rule.rule(), null, rule.detail(), locale));
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add(Forms.describe(messages, e));
        }
        return lines;
    }
}
