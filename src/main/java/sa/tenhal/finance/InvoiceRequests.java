package sa.tenhal.finance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import sa.tenhal.platform.validation.Money;

/** What clients send to invoicing. */
public final class InvoiceRequests {

    private InvoiceRequests() {}

    /** A walk-in or manual invoice: services for a patient at a clinic, priced from the catalogue. */
    public record NewInvoice(
            @NotNull UUID patientId,
            @NotNull UUID clinicId,
            UUID providerId,

            @Schema(description = "bill the patient's insurer for its share as well (default true when insured)")
            Boolean useInsurance,

            @NotEmpty @Size(max = 50) List<@Valid ServiceLine> lines) {}

    public record ServiceLine(
            @NotNull UUID serviceId, @Min(1) @Max(100) Integer quantity) {}

    /**
     * A discount on a line (position from 1) or, without a line, on the whole invoice: a percentage or an amount,
     * with a reason. It replaces an earlier discount at the same place.
     */
    public record Discount(
            @Min(1) Integer line,

            @Schema(description = "percent, 0.01 to 100") @Money
            BigDecimal percent,

            @Money BigDecimal amount,
            @NotBlank @Size(max = 300) String reason) {}

    /** A credit note without a refund: reduces what is still owed on an issued invoice. */
    public record CreditNote(
            @NotNull @Money BigDecimal amount,
            @NotBlank @Size(max = 300) String reason) {}

    /** A debit note: charges added to an issued invoice (VAT as on the invoice's first line). */
    public record DebitNote(
            @NotBlank @Size(max = 300) String reason,
            @NotEmpty @Size(max = 20) List<@Valid ChargeLine> lines) {}

    public record ChargeLine(
            @NotBlank @Size(max = 200) String descriptionEn,
            @NotBlank @Size(max = 200) String descriptionAr,
            @Min(1) @Max(100) Integer quantity,
            @NotNull @Money BigDecimal unitPrice) {}
}
