package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.shared.Language;

/**
 * Arabic documents are laid out right to left: the invoice is rendered to an image (PDFBox) under
 * {@code target/finance-documents/}, and the PDF's text positions show the table's first column on the right, the
 * building number at the start (right) of the address line, readable clinic-local dates and a receipt's human number.
 */
@TenhalIntegrationTest
class ArabicDocumentsIntegrationTests {

    static final Path OUT = Path.of("target/finance-documents");

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    FinanceDocuments documents;

    @Autowired
    FinancialReports reports;

    @Autowired
    ClinicTime time;

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    InvoiceView issuedFor(PatientDetails patient) {
        Instant start = Instant.now().minusSeconds(3600);
        List<InvoiceView> drafts = invoicing.generateFor(new CompletedVisit(
                UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start.plusSeconds(2700)));
        return invoicing.issue(drafts.get(0).id());
    }

    /** The page's text and where each character was drawn, in drawing order. */
    record Laid(String text, List<TextPosition> glyphs, float width) {

        /** The left edge of the first drawn run of {@code token} (digits and Latin are drawn left to right). */
        float x(String token) {
            for (int i = 0; i + token.length() <= glyphs.size(); i++) {
                boolean match = true;
                for (int j = 0; j < token.length() && match; j++) {
                    match = token.substring(j, j + 1).equals(glyphs.get(i + j).getUnicode());
                }
                if (match) {
                    return glyphs.get(i).getXDirAdj();
                }
            }
            throw new AssertionError("'" + token + "' is not drawn on the page: " + text);
        }
    }

    static Laid laidOut(byte[] pdf, String png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.add(text);
                    super.processTextPosition(text);
                }
            };
            String text = stripper.getText(document);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            Files.createDirectories(OUT);
            ImageIO.write(image, "png", OUT.resolve(png + ".png").toFile());
            return new Laid(text, glyphs, document.getPage(0).getMediaBox().getWidth());
        }
    }

    @Test
    void theArabicInvoiceRunsRightToLeftAndTheEnglishOneLeftToRight() throws Exception {
        PatientDetails citizen = f.citizen();
        InvoiceView invoice = issuedFor(citizen);

        Laid ar = laidOut(documents.invoicePdf(invoice.id(), Language.AR), "invoice-ar-right-to-left");
        // the line table's first column (#) is on the right of the page, its last (the total) left of it
        assertThat(ar.x("#")).isGreaterThan(ar.width() * 0.8f);
        // the national address starts on the right with the building number; the postal code ends it on the left
        assertThat(ar.x("1234")).isGreaterThan(ar.x("12211"));
        // dates as people read them, in clinic time: no raw ISO timestamp
        assertThat(ar.text()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").contains("VATEX-SA-HEA");
        assertThat(ar.text()).doesNotContain("Private healthcare to citizen");
        assertThat(ar.text())
                .contains(String.valueOf(time.local(invoice.issuedAt()).getYear()))
                .contains(time.local(invoice.issuedAt()).format(DateTimeFormatter.ofPattern("HH:mm")));

        Laid en = laidOut(documents.invoicePdf(invoice.id(), Language.EN), "invoice-en-left-to-right");
        assertThat(en.x("#")).isLessThan(en.width() * 0.2f);
        assertThat(en.x("1234")).isLessThan(en.x("12211"));
        assertThat(en.text())
                .contains(time.local(invoice.issuedAt())
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)))
                .contains("Private healthcare to a citizen");
    }

    @Test
    void anArabicReceiptHasAHumanNumberAndItsTableRunsRightToLeft() throws Exception {
        PatientDetails resident = f.resident();
        InvoiceView invoice = issuedFor(resident);
        PaymentView payment = payments.receive(
                new PaymentRequests.NewPayment(
                        resident.id().value(), null, PaymentMethod.CASH, invoice.total(), null, null, null),
                null);
        assertThat(payment.receiptNumber()).matches("RCT-\\d{6}");

        Laid ar = laidOut(documents.receiptPdf(payment.id(), Language.AR), "receipt-ar-right-to-left");
        assertThat(ar.text())
                .contains(payment.receiptNumber())
                .doesNotContain(payment.id().value().toString());
        // the invoice number (first column) is right of the amount applied
        assertThat(ar.x(invoice.number())).isGreaterThan(ar.x("0.00"));

        Laid en = laidOut(documents.receiptPdf(payment.id(), Language.EN), "receipt-en-left-to-right");
        assertThat(en.x(invoice.number())).isLessThan(en.x("0.00"));
    }

    @Test
    void theFinancialReportNamesUnassignedRevenueAndReadsNinetyPlus() throws Exception {
        issuedFor(f.resident());
        var today = time.today();
        FinancialReport report = reports.report(today.minusDays(7), today);
        assertThat(report.byService()).noneSatisfy(r -> assertThat(r.nameEn()).isEqualTo("(none)"));
        Laid ar = laidOut(reports.pdf(report, Language.AR), "financial-report-ar-right-to-left");
        assertThat(ar.text()).doesNotContain("+90").doesNotContain("(بدون)");
        Laid en = laidOut(reports.pdf(report, Language.EN), "financial-report-en-left-to-right");
        assertThat(en.text()).contains("More than 90 days", "Payment method").doesNotContain("(none)");
    }
}
