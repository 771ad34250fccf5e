package sa.tenhal.finance;

import java.math.BigDecimal;

/**
 * How VAT applies to a line, as ZATCA codes it: the category (UNCL5305 S, Z, E, O), the rate in percent and, for
 * anything but S, the exemption reason code and text (BR-KSA-69).
 */
public record VatTreatment(String category, BigDecimal rate, String exemptionCode, String exemptionReason) {

    public static final VatTreatment STANDARD = new VatTreatment("S", new BigDecimal("15.00"), null, null);

    /** Private healthcare to a Saudi citizen: zero-rated; the buyer's national ID and name go on the invoice. */
    public static final VatTreatment HEALTHCARE_TO_CITIZEN =
            new VatTreatment("Z", new BigDecimal("0.00"), "VATEX-SA-HEA", "Private healthcare to citizen");

    public static final VatTreatment MEDICINES =
            new VatTreatment("Z", new BigDecimal("0.00"), "VATEX-SA-35", "Medicines and medical equipment");

    public static final VatTreatment EXEMPT = new VatTreatment(
            "E",
            new BigDecimal("0.00"),
            "VATEX-SA-29",
            "Financial services mentioned in Article 29 of the VAT Regulations");

    public static final VatTreatment OUT_OF_SCOPE =
            new VatTreatment("O", new BigDecimal("0.00"), "VATEX-SA-OOS", "Not subject to VAT");

    static VatTreatment of(String category, BigDecimal rate, String code, String reason) {
        return new VatTreatment(category, rate.setScale(2), code, reason);
    }
}
