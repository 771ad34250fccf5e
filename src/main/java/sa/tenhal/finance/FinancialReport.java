package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The financial report for a period (clinic-local dates, both included): revenue (net of discounts and credit notes,
 * before VAT) by clinic, service and provider; collections by method; VAT by category; receivables ageing on the last
 * day; the sessions packages still owe.
 */
public record FinancialReport(
        LocalDate from,
        LocalDate to,
        List<Revenue> byClinic,
        List<Revenue> byService,
        List<Revenue> byProvider,
        List<Collection> collections,
        List<Vat> vat,
        List<Ageing> ageing,
        PackageLiability packages) {

    public record Revenue(UUID id, String nameEn, String nameAr, BigDecimal net, BigDecimal vat, long lines) {}

    public record Collection(
            PaymentMethod method, long payments, BigDecimal received, BigDecimal refunded, BigDecimal net) {}

    public record Vat(String category, BigDecimal rate, String exemptionCode, BigDecimal taxable, BigDecimal vat) {}

    /** {@code bucket}: 0-30 (including not yet due), 31-60, 61-90, 90+ days past due. */
    public record Ageing(String bucket, long documents, BigDecimal open) {}

    /** Active packages' unused sessions, valued at the package price per session (before VAT). */
    public record PackageLiability(long packages, long unusedSessions, BigDecimal amount) {}

    public BigDecimal revenue() {
        return byClinic.stream().map(Revenue::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
