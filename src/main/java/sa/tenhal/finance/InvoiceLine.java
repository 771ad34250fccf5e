package sa.tenhal.finance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import sa.tenhal.platform.Ids;

/**
 * One line of an invoice or note. Amounts are worked out line by line and rounded on the line (ZATCA's line net
 * amount and line VAT), then summed for the document: gross = quantity × unit price; net = gross − line discount −
 * the line's share of an invoice discount; VAT = net × rate; total = net + VAT.
 */
@Entity
@Table(name = "invoice_line")
class InvoiceLine {

    @Id
    private UUID id = Ids.newId();

    @Column(name = "invoice_id")
    private UUID invoiceId;

    private int position;
    private UUID serviceId;
    private String descriptionEn;
    private String descriptionAr;
    private int quantity;
    private BigDecimal unitPrice;
    private BigDecimal gross;
    private BigDecimal discountAmount = Sar.ZERO;
    private BigDecimal discountPercent;
    private String discountReason;
    private BigDecimal invoiceDiscountShare = Sar.ZERO;
    private BigDecimal net;
    private String vatCategory;
    private BigDecimal vatRate;
    private String exemptionCode;
    private String exemptionReason;
    private BigDecimal vat;
    private BigDecimal total;

    protected InvoiceLine() {}

    InvoiceLine(
            UUID invoiceId,
            int position,
            UUID serviceId,
            String descriptionEn,
            String descriptionAr,
            int quantity,
            BigDecimal unitPrice,
            VatTreatment vatTreatment) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        this.invoiceId = invoiceId;
        this.position = position;
        this.serviceId = serviceId;
        this.descriptionEn = descriptionEn;
        this.descriptionAr = descriptionAr;
        this.quantity = quantity;
        this.unitPrice = Sar.round(unitPrice);
        this.vatCategory = vatTreatment.category();
        this.vatRate = vatTreatment.rate();
        this.exemptionCode = vatTreatment.exemptionCode();
        this.exemptionReason = vatTreatment.exemptionReason();
        computeBase();
        priceAt(this.gross, Sar.ZERO);
    }

    /** A line whose VAT-inclusive total is given (a credit note's share of a refund): net and VAT are split from it. */
    static InvoiceLine inclusive(
            UUID invoiceId, int position, InvoiceLine original, BigDecimal total, String prefixEn, String prefixAr) {
        VatTreatment treatment = original.treatment();
        BigDecimal net = Sar.round(total.multiply(Sar.HUNDRED)
                .divide(Sar.HUNDRED.add(treatment.rate()), 10, java.math.RoundingMode.HALF_UP));
        InvoiceLine line = new InvoiceLine(
                invoiceId,
                position,
                original.serviceId,
                prefixEn + original.descriptionEn,
                prefixAr + original.descriptionAr,
                1,
                net,
                treatment);
        line.vat = Sar.round(total).subtract(net);
        line.total = Sar.round(total);
        return line;
    }

    private void computeBase() {
        this.gross = Sar.round(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    /** The line's discount: a percentage of its gross amount or a fixed amount; null clears it. */
    void discount(BigDecimal percent, BigDecimal amount, String reason) {
        this.discountPercent = percent;
        this.discountAmount = percent != null ? Sar.percentOf(gross, percent) : amount == null ? Sar.ZERO : amount;
        this.discountReason = reason;
        if (discountAmount.compareTo(gross) > 0) {
            throw new IllegalArgumentException("discount above the line amount");
        }
    }

    /** Gross less the line's own discount: what an invoice-level discount is shared over. */
    BigDecimal afterLineDiscount() {
        return gross.subtract(discountAmount);
    }

    void priceAt(BigDecimal afterLineDiscount, BigDecimal invoiceShare) {
        this.invoiceDiscountShare = invoiceShare;
        this.net = afterLineDiscount.subtract(invoiceShare);
        this.vat = Sar.percentOf(net, vatRate);
        this.total = net.add(vat);
    }

    VatTreatment treatment() {
        return new VatTreatment(vatCategory, vatRate, exemptionCode, exemptionReason);
    }

    int position() {
        return position;
    }

    UUID serviceId() {
        return serviceId;
    }

    BigDecimal gross() {
        return gross;
    }

    BigDecimal discountAmount() {
        return discountAmount;
    }

    BigDecimal net() {
        return net;
    }

    BigDecimal vat() {
        return vat;
    }

    BigDecimal total() {
        return total;
    }

    String vatCategory() {
        return vatCategory;
    }

    BigDecimal vatRate() {
        return vatRate;
    }

    InvoiceView.Line view() {
        return new InvoiceView.Line(
                position,
                serviceId,
                descriptionEn,
                descriptionAr,
                quantity,
                unitPrice,
                gross,
                discountAmount,
                discountPercent,
                discountReason,
                invoiceDiscountShare,
                net,
                vatCategory,
                vatRate,
                exemptionCode,
                exemptionReason,
                vat,
                total);
    }
}
