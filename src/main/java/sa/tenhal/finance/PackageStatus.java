package sa.tenhal.finance;

/** A patient's package: bought and waiting for payment, usable, used up, past its validity, or refunded. */
public enum PackageStatus {
    PENDING_PAYMENT,
    ACTIVE,
    USED_UP,
    EXPIRED,
    REFUNDED
}
