package sa.tenhal.finance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import sa.tenhal.platform.validation.Money;

/** What clients send to payments. */
public final class PaymentRequests {

    private PaymentRequests() {}

    /**
     * Money received from a patient ({@code patientId}) or an insurer ({@code insurerId}, method
     * INSURANCE_REMITTANCE). Without allocations it pays the payer's open documents oldest first. What a patient's
     * payment would leave over becomes credit only when {@code acceptCredit} is true: otherwise the payment is refused (422 naming
     * {@code acceptCredit}, with the {@code open} amount and the {@code credit} it would leave), so that a cashier who
     * typed 1000 for 805 is asked first instead of the rest silently becoming credit.
     */
    public record NewPayment(
            UUID patientId,
            @Size(max = 50) String insurerId,
            @NotNull PaymentMethod method,
            @NotNull @Money BigDecimal amount,
            @Size(max = 100) String reference,

            @Schema(description = "the bank's or insurer's transaction id; a transaction is recorded once")
            @Size(max = 100)
            String transactionId,

            @Size(max = 50) List<@Valid Allocate> allocations,

            @Schema(description = "true to accept that what the payment leaves over becomes the payer's credit")
            Boolean acceptCredit) {

        /** A payment that may not leave credit (more than is owed is refused). */
        public NewPayment(
                UUID patientId,
                String insurerId,
                PaymentMethod method,
                BigDecimal amount,
                String reference,
                String transactionId,
                List<Allocate> allocations) {
            this(patientId, insurerId, method, amount, reference, transactionId, allocations, null);
        }

        /** The same payment, its credit accepted. */
        public NewPayment acceptingCredit() {
            return new NewPayment(patientId, insurerId, method, amount, reference, transactionId, allocations, true);
        }
    }

    public record Allocate(
            @NotNull UUID invoiceId, @NotNull @Money BigDecimal amount) {}

    /**
     * A refund from a payment: of what it paid on {@code invoiceId} (a credit note is issued for it), or, without
     * an invoice, of its unallocated credit. Without an amount, all of that.
     */
    public record NewRefund(
            UUID invoiceId,
            @Money BigDecimal amount,
            @NotBlank @Size(max = 300) String reason) {}
}
