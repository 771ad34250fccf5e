package sa.tenhal.finance;

/** What an insurer decided on the claim for an insurer invoice (NPHIES {@code ClaimResponse} adjudication). */
public enum ClaimOutcome {
    APPROVED,
    PARTLY_APPROVED,
    REJECTED,
    /** The payer has not decided yet (queued for review). */
    PENDED
}
