package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A refund; {@code creditNote} is the credit note it issued when it gave back money paid on a document. */
public record RefundView(
        UUID id,
        PaymentId payment,
        InvoiceId invoice,
        InvoiceId creditNote,
        BigDecimal amount,
        String reason,
        Instant refundedAt) {}
