package sa.tenhal.appointments;

import java.time.Instant;

/**
 * A scheduling rule a booking breaks: outside the provider's working hours, in their time off, or on a closure. A
 * manager or admin may book anyway with a reason, which is audited.
 */
public record RuleViolation(Rule rule, String detail, Instant startsAt, Instant endsAt) {

    public enum Rule {
        OUTSIDE_WORKING_HOURS,
        TIME_OFF,
        CLOSURE
    }
}
