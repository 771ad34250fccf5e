package sa.tenhal.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** Part of a payment applied to one document; a refund of it is recorded on it, the row itself never goes away. */
@Entity
@Table(name = "payment_allocation")
class Allocation extends StoredRecord<Allocation> {

    @Id
    private UUID id;

    private UUID paymentId;
    private UUID invoiceId;
    private BigDecimal amount;
    private BigDecimal refunded = Sar.ZERO;
    private Instant allocatedAt;

    protected Allocation() {}

    Allocation(UUID paymentId, UUID invoiceId, BigDecimal amount, Instant at) {
        this.id = Ids.newId();
        this.paymentId = paymentId;
        this.invoiceId = invoiceId;
        this.amount = amount;
        this.allocatedAt = at;
    }

    BigDecimal remaining() {
        return amount.subtract(refunded);
    }

    void refund(BigDecimal value) {
        refunded = refunded.add(value);
    }

    UUID paymentId() {
        return paymentId;
    }

    UUID invoiceId() {
        return invoiceId;
    }

    BigDecimal amount() {
        return amount;
    }

    BigDecimal refunded() {
        return refunded;
    }

    Instant allocatedAt() {
        return allocatedAt;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
