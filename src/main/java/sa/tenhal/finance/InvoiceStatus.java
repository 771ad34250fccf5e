package sa.tenhal.finance;

/**
 * Where an invoice stands. DRAFT can change and be cancelled; from ISSUED on the document never changes and its status
 * follows from what was paid and credited: PARTIALLY_PAID, PAID, CREDITED (fully), or OVERDUE (past due, still open).
 */
public enum InvoiceStatus {
    DRAFT,
    ISSUED,
    PARTIALLY_PAID,
    PAID,
    OVERDUE,
    CANCELLED,
    CREDITED;

    public boolean open() {
        return this == ISSUED || this == PARTIALLY_PAID || this == OVERDUE;
    }
}
