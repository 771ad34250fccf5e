package sa.tenhal.platform;

/** What was done to a record, as the audit trail names it. */
public enum AuditAction {
    CREATE,
    UPDATE,
    READ,
    ARCHIVE,
    RESTORE,
    MERGE,
    CLOSE,
    REOPEN,
    WITHDRAW,
    DEACTIVATE,
    OVERRIDE,
    CONFIRM,
    DECLINE,
    EXPIRE,
    SIGN_IN,
    SIGN_IN_FAILED,
    CANCEL,
    /** A list, search, day list or export that named patients. */
    LIST,
    /** A clinician opened a patient outside their care team, with a reason. */
    BREAK_GLASS,
    /** A manager reviewed a break-the-glass access. */
    REVIEW
}
