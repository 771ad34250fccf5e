package sa.tenhal.integrations.nphies;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payer as the payers page and the API create or replace it.
 *
 * @param payerId the code patients' coverages and insurer invoices name the payer with (e.g. {@code INS-BUPA}); fixed
 *     once created (a replace ignores a different one)
 * @param licence the payer's NPHIES id: the payer licence messages are addressed to (for a TPA, the TPA's); unique
 * @param nameEn the name in English
 * @param nameAr the name in Arabic
 * @param kind {@code INSURER} or {@code TPA}
 * @param insurerLicence for a TPA, the NPHIES licence of the insurer that carries the risk; none for an insurer
 * @param active whether messages are sent to it (none: active)
 */
public record PayerForm(
        @Schema(example = "INS-BUPA")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9._-]{1,50}", message = "{tenhal.validation.nphies-id}")
        String payerId,

        @Schema(example = "N-I-00001", description = "The payer's NPHIES id (payer licence)")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9._-]{1,50}", message = "{tenhal.validation.nphies-id}")
        String licence,

        @Schema(example = "Bupa Arabia") @NotBlank @Size(max = 150)
        String nameEn,

        @Schema(example = "بوبا العربية") @NotBlank @Size(max = 150)
        String nameAr,

        @Schema(allowableValues = {"INSURER", "TPA"})
        @NotBlank
        @Pattern(regexp = "INSURER|TPA", message = "{tenhal.validation.payer-kind}")
        String kind,

        @Schema(example = "N-I-00003")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,50}", message = "{tenhal.validation.nphies-id}")
        String insurerLicence,

        Boolean active) {

    public PayerForm {
        payerId = trim(payerId);
        licence = trim(licence);
        nameEn = nameEn == null ? null : nameEn.strip();
        nameAr = nameAr == null ? null : nameAr.strip();
        kind = trim(kind);
        insurerLicence = trim(insurerLicence);
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** A payer's rule: the billing code of a service it authorises first, or {@code *} for every service. */
    public record Rule(
            @Schema(example = "SLP-002", description = "a service's billing code, or * for every service")
            @NotBlank
            @Pattern(regexp = "\\*|[A-Za-z0-9.-]{1,30}", message = "{tenhal.validation.prior-auth-code}")
            String billingCode) {}
}
