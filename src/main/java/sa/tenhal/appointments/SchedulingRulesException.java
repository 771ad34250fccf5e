package sa.tenhal.appointments;

import java.util.List;
import org.springframework.http.HttpStatus;
import sa.tenhal.platform.ProblemException;

/**
 * A booking outside the provider's working hours, in their time off or on a closure (422), listing every rule it
 * breaks. A manager or admin may book it anyway by giving an {@code overrideReason}.
 */
public class SchedulingRulesException extends ProblemException {

    SchedulingRulesException(List<RuleViolation> violations, boolean reasonGivenWithoutPrivilege) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "outside-working-hours",
                "Outside working hours",
                reasonGivenWithoutPrivilege
                        ? "Only a manager or an admin may book outside working hours, in time off or on a closure"
                        : "The time breaks " + violations.size()
                                + " scheduling rule(s); a manager or an admin may override with a reason");
        with("violations", List.copyOf(violations));
    }
}
