package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The insurer's decision recorded on an insurer invoice: what was claimed, what it approved, and why not the rest.
 * {@code notApproved} is what the insurer will not pay as things stand: resubmit a corrected claim, or write it off
 * with a credit note.
 */
public record ClaimAdjudication(
        UUID invoiceId,
        ClaimOutcome outcome,
        String claimReference,
        BigDecimal claimed,
        BigDecimal approved,
        String reasons,
        Instant recordedAt) {

    public BigDecimal notApproved() {
        return approved == null ? BigDecimal.ZERO : claimed.subtract(approved).max(BigDecimal.ZERO);
    }
}
