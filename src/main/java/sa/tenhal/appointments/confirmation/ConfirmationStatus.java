package sa.tenhal.appointments.confirmation;

/** Where a request to confirm stands. Only {@code PENDING} can change, once. */
public enum ConfirmationStatus {
    PENDING,
    CONFIRMED,
    DECLINED,
    EXPIRED
}
