package sa.tenhal.finance;

/** How money arrived. */
public enum PaymentMethod {
    CASH,
    CARD,
    MADA,
    BANK_TRANSFER,
    INSURANCE_REMITTANCE
}
