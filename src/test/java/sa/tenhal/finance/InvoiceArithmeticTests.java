package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.platform.ConflictException;

/**
 * The arithmetic of documents, over many generated invoices (seeded, so a failure reproduces): standard, zero-rated,
 * exempt and mixed lines, line and invoice discounts by percent and amount, payments, credits and refunds.
 */
class InvoiceArithmeticTests {

    static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    static final List<VatTreatment> TREATMENTS = List.of(
            VatTreatment.STANDARD,
            VatTreatment.HEALTHCARE_TO_CITIZEN,
            VatTreatment.MEDICINES,
            VatTreatment.EXEMPT,
            VatTreatment.OUT_OF_SCOPE);

    static Invoice draft() {
        return Invoice.draft(
                new Invoice.Header(
                        DocumentKind.INVOICE,
                        Payer.PATIENT,
                        "RYD",
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Sara",
                        null,
                        TODAY),
                NOW);
    }

    static BigDecimal money(Random random, int maxHalalas) {
        return BigDecimal.valueOf(random.nextInt(maxHalalas) + 1L, 2);
    }

    static Invoice generated(Random random) {
        Invoice invoice = draft();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            invoice.addLine(
                    null,
                    "Line " + i,
                    "بند " + i,
                    1 + random.nextInt(5),
                    money(random, 200_000),
                    TREATMENTS.get(random.nextInt(random.nextBoolean() ? 2 : TREATMENTS.size())),
                    NOW);
        }
        for (int i = 1; i <= lines; i++) {
            if (random.nextInt(3) == 0) {
                if (random.nextBoolean()) {
                    invoice.discount(i, BigDecimal.valueOf(random.nextInt(10_000) + 1L, 2), null, "promo", NOW);
                } else {
                    BigDecimal max = invoice.discountBase(i);
                    BigDecimal amount = BigDecimal.valueOf(
                            random.nextLong(max.movePointRight(2).longValue() + 1), 2);
                    invoice.discount(i, null, amount, "goodwill", NOW);
                }
            }
        }
        if (random.nextInt(3) == 0) {
            if (random.nextBoolean()) {
                invoice.discount(null, BigDecimal.valueOf(random.nextInt(10_000) + 1L, 2), null, "staff", NOW);
            } else {
                BigDecimal base = invoice.discountBase(null);
                invoice.discount(
                        null,
                        null,
                        BigDecimal.valueOf(
                                random.nextLong(base.movePointRight(2).longValue() + 1), 2),
                        "staff",
                        NOW);
            }
        }
        return invoice;
    }

    static void assertReconciles(InvoiceView v) {
        // the document: lines − discounts + VAT = total, every amount with two decimals
        assertThat(v.lineExtension().subtract(v.discountTotal()).add(v.vatTotal()))
                .isEqualByComparingTo(v.total());
        assertThat(v.taxableAmount().add(v.vatTotal())).isEqualByComparingTo(v.total());
        assertThat(List.of(v.lineExtension(), v.discountTotal(), v.taxableAmount(), v.vatTotal(), v.total()))
                .allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2))
                .allSatisfy(amount -> assertThat(amount.signum()).isNotNegative());
        // the lines add up to the header
        assertThat(sum(v.lines().stream().map(InvoiceView.Line::gross).toList()))
                .isEqualByComparingTo(v.lineExtension());
        assertThat(sum(v.lines().stream().map(InvoiceView.Line::net).toList())).isEqualByComparingTo(v.taxableAmount());
        assertThat(sum(v.lines().stream().map(InvoiceView.Line::vat).toList())).isEqualByComparingTo(v.vatTotal());
        for (InvoiceView.Line line : v.lines()) {
            assertThat(line.gross().subtract(line.discount()).subtract(line.invoiceDiscountShare()))
                    .isEqualByComparingTo(line.net());
            assertThat(line.net().signum()).isNotNegative();
            assertThat(line.net().add(line.vat())).isEqualByComparingTo(line.total());
            // the ZATCA line rule: VAT is the line's net at its rate, rounded half-up on the line
            if (v.kind() == DocumentKind.INVOICE) {
                assertThat(line.vat()).isEqualByComparingTo(Sar.percentOf(line.net(), line.vatRate()));
            } else {
                assertThat(line.vat()
                                .subtract(Sar.percentOf(line.net(), line.vatRate()))
                                .abs())
                        .isLessThanOrEqualTo(new BigDecimal("0.01"));
            }
            if (!line.vatCategory().equals("S")) {
                assertThat(line.vat()).isEqualByComparingTo("0");
                assertThat(line.exemptionCode()).isNotBlank();
            }
        }
        // paid and credited never exceed the total
        assertThat(v.paid().add(v.credited())).isLessThanOrEqualTo(v.total());
        if (v.kind() != DocumentKind.CREDIT_NOTE) {
            assertThat(v.paid().add(v.credited()).add(v.balance())).isEqualByComparingTo(v.total());
        }
    }

    static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void fiveThousandGeneratedInvoicesReconcileThroughPaymentsCreditsAndRefunds() {
        Random random = new Random(20261121L);
        for (int n = 0; n < 5000; n++) {
            Invoice invoice = generated(random);
            assertReconciles(invoice.view());
            invoice.issue("INV-RYD-" + n, TODAY, 14, NOW);
            assertReconciles(invoice.view());
            BigDecimal allocated = BigDecimal.ZERO;
            BigDecimal credited = BigDecimal.ZERO;
            for (int step = 0; step < 4 && invoice.total().signum() > 0; step++) {
                int action = random.nextInt(3);
                if (action == 0 && invoice.open().signum() > 0) {
                    BigDecimal pay = BigDecimal.valueOf(
                            1 + random.nextLong(invoice.open().movePointRight(2).longValue()), 2);
                    invoice.allocate(pay, TODAY, NOW);
                    allocated = allocated.add(pay);
                } else if (action == 1 && invoice.paid().signum() > 0) {
                    BigDecimal back = BigDecimal.valueOf(
                            1 + random.nextLong(invoice.paid().movePointRight(2).longValue()), 2);
                    Invoice note = invoice.creditNote(back, "refund", NOW);
                    invoice.refund(back, TODAY, NOW);
                    allocated = allocated.subtract(back);
                    credited = credited.add(back);
                    assertThat(note.total()).isEqualByComparingTo(back);
                    note.issue("CRN-RYD-" + n + "-" + step, TODAY, 0, NOW);
                    assertReconciles(note.view());
                } else if (action == 2 && invoice.open().signum() > 0 && invoice.status() != InvoiceStatus.PAID) {
                    BigDecimal credit = BigDecimal.valueOf(
                            1 + random.nextLong(invoice.open().movePointRight(2).longValue()), 2);
                    Invoice note = invoice.creditNote(credit, "correction", NOW);
                    invoice.credit(credit, TODAY, NOW);
                    credited = credited.add(credit);
                    assertThat(note.total()).isEqualByComparingTo(credit);
                }
                InvoiceView v = invoice.view();
                assertReconciles(v);
                assertThat(v.paid()).isEqualByComparingTo(allocated);
                assertThat(v.credited()).isEqualByComparingTo(credited);
                assertThat(v.status())
                        .isEqualTo(
                                v.credited().compareTo(v.total()) == 0
                                        ? InvoiceStatus.CREDITED
                                        : v.balance().signum() == 0
                                                ? InvoiceStatus.PAID
                                                : v.paid().signum() > 0
                                                        ? InvoiceStatus.PARTIALLY_PAID
                                                        : InvoiceStatus.ISSUED);
            }
        }
    }

    @ParameterizedTest(name = "{0} to {1}, citizen {2}: {3} {4}")
    @CsvSource({
        "STANDARD,     PATIENT, true,  Z, VATEX-SA-HEA",
        "STANDARD,     PATIENT, false, S, ",
        "STANDARD,     INSURER, true,  S, ",
        "STANDARD,     INSURER, false, S, ",
        "ZERO_RATED,   PATIENT, false, Z, VATEX-SA-35",
        "EXEMPT,       PATIENT, true,  E, VATEX-SA-29",
        "OUT_OF_SCOPE, INSURER, false, O, VATEX-SA-OOS"
    })
    void theHealthcareVatRule(VatCategory service, Payer payer, boolean citizen, String category, String code) {
        VatTreatment treatment = HealthcareVat.treatment(service, payer, citizen);
        assertThat(treatment.category()).isEqualTo(category);
        assertThat(treatment.exemptionCode()).isEqualTo(code);
        assertThat(treatment.rate()).isEqualByComparingTo(category.equals("S") ? "15" : "0");
    }

    @Test
    void workedExamplesOfTheDocs() {
        // a resident: 350.00 at 15 % → 52.50 VAT, 402.50
        Invoice resident = draft();
        resident.addLine(null, "Speech", "نطق", 1, new BigDecimal("350.00"), VatTreatment.STANDARD, NOW);
        assertThat(resident.view().vatTotal()).isEqualByComparingTo("52.50");
        assertThat(resident.view().total()).isEqualByComparingTo("402.50");
        // line rounding: 3 × 333.33 = 999.99, 10 % off = 100.00 → 899.99, VAT 135.00 (134.9985 rounded half-up)
        Invoice rounded = draft();
        rounded.addLine(null, "Assessment", "تقييم", 3, new BigDecimal("333.33"), VatTreatment.STANDARD, NOW);
        rounded.discount(1, new BigDecimal("10"), null, "sibling", NOW);
        InvoiceView r = rounded.view();
        assertThat(r.lines().get(0).discount()).isEqualByComparingTo("100.00");
        assertThat(r.taxableAmount()).isEqualByComparingTo("899.99");
        assertThat(r.vatTotal()).isEqualByComparingTo("135.00");
        assertThat(r.total()).isEqualByComparingTo("1034.99");
        // mixed: a citizen's session (zero-rated) and a resident's kit... the invoice discount is shared by amount
        Invoice mixed = draft();
        mixed.addLine(null, "Session", "جلسة", 1, new BigDecimal("350.00"), VatTreatment.HEALTHCARE_TO_CITIZEN, NOW);
        mixed.addLine(null, "Report", "تقرير", 1, new BigDecimal("150.00"), VatTreatment.STANDARD, NOW);
        mixed.discount(null, null, new BigDecimal("50.00"), "loyalty", NOW);
        InvoiceView m = mixed.view();
        assertThat(m.lines().get(0).invoiceDiscountShare()).isEqualByComparingTo("35.00");
        assertThat(m.lines().get(1).invoiceDiscountShare()).isEqualByComparingTo("15.00");
        assertThat(m.vatTotal()).isEqualByComparingTo("20.25");
        assertThat(m.total()).isEqualByComparingTo("470.25");
    }

    @Test
    void anIssuedInvoiceNeverChangesAndOnlyADraftIsCancelled() {
        Invoice invoice = draft();
        invoice.addLine(null, "Speech", "نطق", 1, new BigDecimal("350.00"), VatTreatment.STANDARD, NOW);
        invoice.issue("INV-RYD-000001", TODAY, 14, NOW);
        assertThatThrownBy(() -> invoice.addLine(null, "More", "المزيد", 1, BigDecimal.ONE, VatTreatment.STANDARD, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> invoice.discount(null, BigDecimal.TEN, null, "late", NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> invoice.cancel(NOW)).isInstanceOf(ConflictException.class);
        assertThat(invoice.view().dueDate()).isEqualTo(TODAY.plusDays(14));
    }

    @Test
    void pastDueAndOpenIsOverdueWithRemindersOnTheEscalationSchedule() {
        Invoice invoice = draft();
        invoice.addLine(null, "Speech", "نطق", 1, new BigDecimal("350.00"), VatTreatment.STANDARD, NOW);
        invoice.issue("INV-RYD-000002", TODAY, 14, NOW);
        List<Integer> schedule = List.of(1, 7, 14);
        assertThat(invoice.checkOverdue(TODAY.plusDays(14), schedule, NOW)).isFalse();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.checkOverdue(TODAY.plusDays(15), schedule, NOW)).isTrue();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OVERDUE);
        assertThat(invoice.checkOverdue(TODAY.plusDays(15), schedule, NOW)).isFalse(); // twice a day: once
        assertThat(invoice.checkOverdue(TODAY.plusDays(20), schedule, NOW)).isFalse();
        assertThat(invoice.checkOverdue(TODAY.plusDays(21), schedule, NOW)).isTrue();
        assertThat(invoice.remindersIssued()).isEqualTo(2);
        invoice.allocate(invoice.open(), TODAY.plusDays(22), NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.checkOverdue(TODAY.plusDays(40), schedule, NOW)).isFalse();
    }
}
