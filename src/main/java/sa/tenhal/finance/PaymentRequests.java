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
     * INSURANCE_REMITTANCE). Without allocations it pays the payer's open documents oldest first; what is left is
     * credit.
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

            @Size(max = 50) List<@Valid Allocate> allocations) {}

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
