package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment (its receipt numbered {@code RCT-000001}): {@code amount = allocated + refunded + credit}; each allocation shows what it paid and what went back. */
public record PaymentView(
        PaymentId id,
        String receiptNumber,
        Payer payer,
        UUID patientId,
        String insurerId,
        PaymentMethod method,
        BigDecimal amount,
        BigDecimal allocated,
        BigDecimal refunded,
        BigDecimal credit,
        String reference,
        String transactionId,
        Instant receivedAt,
        List<Allocation> allocations) {

    public record Allocation(InvoiceId invoice, String number, BigDecimal amount, BigDecimal refunded) {}
}
