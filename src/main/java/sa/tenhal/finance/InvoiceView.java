package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice, credit note or debit note as the API and other modules see it. Amounts in SAR: {@code lineExtension −
 * discountTotal = taxableAmount}, {@code taxableAmount + vatTotal = total}, {@code balance = total − paid − credited}.
 */
public record InvoiceView(
        InvoiceId id,
        DocumentKind kind,
        Payer payer,
        InvoiceStatus status,
        String centreCode,
        String number,
        InvoiceId originalInvoiceId,
        UUID appointmentId,
        PackageId packageId,
        UUID patientId,
        UUID clinicId,
        UUID providerId,
        String insurerId,
        String insurerName,
        String buyerName,
        String buyerNationalId,
        String reason,
        BigDecimal invoiceDiscount,
        BigDecimal invoiceDiscountPercent,
        String invoiceDiscountReason,
        BigDecimal lineExtension,
        BigDecimal discountTotal,
        BigDecimal taxableAmount,
        BigDecimal vatTotal,
        BigDecimal total,
        BigDecimal paid,
        BigDecimal credited,
        BigDecimal balance,
        LocalDate serviceDate,
        LocalDate issueDate,
        Instant issuedAt,
        LocalDate dueDate,
        List<Line> lines,
        long version) {

    public record Line(
            int position,
            UUID serviceId,
            String descriptionEn,
            String descriptionAr,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal gross,
            BigDecimal discount,
            BigDecimal discountPercent,
            String discountReason,
            BigDecimal invoiceDiscountShare,
            BigDecimal net,
            String vatCategory,
            BigDecimal vatRate,
            String exemptionCode,
            String exemptionReason,
            BigDecimal vat,
            BigDecimal total) {}
}
