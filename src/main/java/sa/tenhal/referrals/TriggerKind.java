package sa.tenhal.referrals;

/** What an automatic referral rule reacts to. */
public enum TriggerKind {
    /** An appointment of a given service completed. */
    SERVICE_COMPLETED,
    /** A diagnosis was recorded whose ICD-10 code starts with the rule's prefix (e.g. F80 for speech disorders). */
    DIAGNOSIS,
    /** An assessment outcome with the rule's code was recorded (e.g. a failed hearing screen). */
    OUTCOME
}
