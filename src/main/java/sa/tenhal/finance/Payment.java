package sa.tenhal.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * Money received from a patient or an insurer. What is not allocated to documents is the payer's credit, usable later
 * or refunded: {@code amount = allocated + refunded + credit}, never negative.
 */
@Entity
@Table(name = "payment")
class Payment extends StoredRecord<Payment> {

    @Id
    private UUID id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private Payer payer;

    private UUID patientId;
    private String insurerId;

    @Enumerated(EnumType.STRING)
    private PaymentMethod method;

    private BigDecimal amount;
    private BigDecimal allocated = Sar.ZERO;
    private BigDecimal refunded = Sar.ZERO;
    private String reference;
    private String transactionId;
    private Instant receivedAt;
    private UUID recordedBy;
    private UUID batchId;
    private String receiptNumber;

    protected Payment() {}

    Payment(
            Payer payer,
            UUID patientId,
            String insurerId,
            PaymentMethod method,
            BigDecimal amount,
            String reference,
            String transactionId,
            Instant receivedAt,
            UUID recordedBy,
            UUID batchId,
            String receiptNumber) {
        this.id = Ids.newId();
        this.receiptNumber = receiptNumber;
        this.payer = payer;
        this.patientId = patientId;
        this.insurerId = insurerId;
        this.method = method;
        this.amount = amount;
        this.reference = reference;
        this.transactionId = transactionId;
        this.receivedAt = receivedAt;
        this.recordedBy = recordedBy;
        this.batchId = batchId;
    }

    BigDecimal credit() {
        return amount.subtract(allocated).subtract(refunded);
    }

    void allocated(BigDecimal value) {
        if (value.compareTo(credit()) > 0) {
            throw new IllegalArgumentException("allocation above the payment's credit");
        }
        allocated = allocated.add(value);
    }

    /** Money allocated to a document goes back to the payer. */
    void refundAllocated(BigDecimal value) {
        allocated = allocated.subtract(value);
        refunded = refunded.add(value);
    }

    /** Unallocated credit goes back to the payer. */
    void refundCredit(BigDecimal value) {
        if (value.compareTo(credit()) > 0) {
            throw new IllegalArgumentException("refund above the credit");
        }
        refunded = refunded.add(value);
    }

    UUID id() {
        return id;
    }

    Payer payer() {
        return payer;
    }

    UUID patientId() {
        return patientId;
    }

    String insurerId() {
        return insurerId;
    }

    PaymentMethod method() {
        return method;
    }

    BigDecimal amount() {
        return amount;
    }

    String reference() {
        return reference;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    PaymentView view(java.util.List<PaymentView.Allocation> allocations) {
        return new PaymentView(
                new PaymentId(id),
                receiptNumber,
                payer,
                patientId,
                insurerId,
                method,
                amount,
                allocated,
                refunded,
                credit(),
                reference,
                transactionId,
                receivedAt,
                allocations);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
