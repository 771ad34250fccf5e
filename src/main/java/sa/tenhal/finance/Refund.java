package sa.tenhal.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** Money given back from a payment: of what it paid on a document (with a credit note), or of its credit. */
@Entity
@Table(name = "refund")
class Refund extends StoredRecord<Refund> {

    @Id
    private UUID id;

    private UUID paymentId;
    private UUID invoiceId;
    private UUID creditNoteId;
    private BigDecimal amount;
    private String reason;
    private Instant refundedAt;
    private UUID recordedBy;

    protected Refund() {}

    Refund(UUID paymentId, UUID invoiceId, UUID creditNoteId, BigDecimal amount, String reason, Instant at, UUID by) {
        this.id = Ids.newId();
        this.paymentId = paymentId;
        this.invoiceId = invoiceId;
        this.creditNoteId = creditNoteId;
        this.amount = amount;
        this.reason = reason;
        this.refundedAt = at;
        this.recordedBy = by;
    }

    RefundView view() {
        return new RefundView(
                id,
                new PaymentId(paymentId),
                invoiceId == null ? null : new InvoiceId(invoiceId),
                creditNoteId == null ? null : new InvoiceId(creditNoteId),
                amount,
                reason,
                refundedAt);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
