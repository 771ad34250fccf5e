package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One NPHIES exchange as the pages and the API show it: an eligibility check, a prior authorisation or a claim, where it
 * stands and what the payer answered. {@code diagnoses} are filled only for a claim shown to someone who may read them.
 *
 * @param kind {@code ELIGIBILITY}, {@code PRIOR_AUTH} or {@code CLAIM}
 * @param state {@code INVALID} (failed validation, never sent), {@code PENDING}, {@code RETRYING}, {@code QUEUED}
 *     (pended by the payer, answered through the poll), {@code ANSWERED}, {@code REFUSED} or {@code SUPERSEDED}
 * @param outcome {@code ELIGIBLE}/{@code NOT_ELIGIBLE}; {@code APPROVED}/{@code PARTLY_APPROVED}/{@code DENIED}/
 *     {@code PENDED} (authorisation); {@code APPROVED}/{@code PARTLY_APPROVED}/{@code REJECTED}/{@code PENDED} (claim)
 * @param reference the payer's authorisation number (prior authorisation) or Tenhal's claim identifier
 * @param problems why a message was not sent, or why NPHIES refused it
 */
public record NphiesRecord(
        UUID id,
        String kind,
        String state,
        String outcome,
        UUID patientId,
        String payerId,
        UUID appointmentId,
        UUID serviceId,
        UUID invoiceId,
        UUID resubmissionOf,
        String reference,
        String claimIdentifier,
        BigDecimal claimed,
        BigDecimal approved,
        BigDecimal paid,
        String copay,
        String reasons,
        String details,
        List<String> problems,
        List<String> diagnoses,
        Instant createdAt,
        Instant answeredAt) {

    /** Still waiting for an answer (to be sent, being retried, or pended by the payer). */
    public boolean waiting() {
        return "PENDING".equals(state) || "RETRYING".equals(state) || "QUEUED".equals(state);
    }

    public boolean good() {
        return "ELIGIBLE".equals(outcome) || "APPROVED".equals(outcome);
    }

    public boolean bad() {
        return "NOT_ELIGIBLE".equals(outcome)
                || "DENIED".equals(outcome)
                || "REJECTED".equals(outcome)
                || "INVALID".equals(state)
                || "REFUSED".equals(state);
    }

    /** A claim finance may correct and send again: rejected or partly approved, refused, or never sent. */
    public boolean resubmittable() {
        return "CLAIM".equals(kind)
                && !"SUPERSEDED".equals(state)
                && ("REJECTED".equals(outcome)
                        || "PARTLY_APPROVED".equals(outcome)
                        || "INVALID".equals(state)
                        || "REFUSED".equals(state));
    }
}
