package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.documents.QrCodes;
import sa.tenhal.shared.Language;

/**
 * The documents a person looks at: invoice, credit note and receipt PDFs in Arabic and English, rendered to PNG under
 * {@code target/finance-documents/}, with the ZATCA QR code embedded in each read back to its five values. And the
 * messages that carry them.
 */
@TenhalIntegrationTest
class FinanceDocumentsIntegrationTests {

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

    @Autowired
    JdbcClient jdbc;

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

    static Page render(byte[] pdf, String name) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            Files.createDirectories(OUT);
            ImageIO.write(image, "png", OUT.resolve(name + ".png").toFile());
            String qr;
            try {
                qr = QrCodes.onPage(document, 0);
            } catch (com.google.zxing.ReaderException e) {
                qr = null;
            }
            return new Page(text, qr);
        }
    }

    /** A document's text and the text of its QR code (null when it has none or it does not decode). */
    record Page(String text, String qr) {}

    @Test
    void invoiceCreditNoteAndReceiptRenderInBothLanguagesWithAReadableZatcaQr() throws Exception {
        PatientDetails resident = f.resident();
        InvoiceView invoice = issuedFor(resident);
        for (Language language : Language.values()) {
            Page page = render(
                    documents.invoicePdf(invoice.id(), language),
                    "invoice-" + language.name().toLowerCase());
            assertThat(page.text()).contains(invoice.number(), "310122393500003", "402.50", "52.50");
            ZatcaQr qr = ZatcaQr.decode(page.qr());
            assertThat(qr.sellerName()).isEqualTo("مركز تنهال لتنمية الطفل");
            assertThat(qr.vatNumber()).isEqualTo("310122393500003");
            assertThat(qr.timestamp())
                    .isEqualTo(time.local(invoice.issuedAt())
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
            assertThat(qr.total()).isEqualTo("402.50");
            assertThat(qr.vatTotal()).isEqualTo("52.50");
        }

        PaymentView payment = payments.receive(
                new PaymentRequests.NewPayment(
                        resident.id().value(),
                        null,
                        PaymentMethod.MADA,
                        new BigDecimal("402.50"),
                        "POS-778812",
                        null,
                        null),
                null);
        for (Language language : Language.values()) {
            Page receipt = render(
                    documents.receiptPdf(payment.id(), language),
                    "receipt-" + language.name().toLowerCase());
            assertThat(receipt.text()).contains("402.50", invoice.number(), "310122393500003");
        }

        RefundView refund = payments.refund(
                payment.id(),
                new PaymentRequests.NewRefund(invoice.id().value(), new BigDecimal("115.00"), "session cancelled"),
                null);
        InvoiceView note = invoicing.find(refund.creditNote());
        for (Language language : Language.values()) {
            Page page = render(
                    documents.invoicePdf(note.id(), language),
                    "credit-note-" + language.name().toLowerCase());
            assertThat(page.text()).contains(note.number(), invoice.number(), "115.00");
            ZatcaQr qr = ZatcaQr.decode(page.qr());
            assertThat(qr.total()).isEqualTo("115.00");
            assertThat(qr.vatTotal()).isEqualTo("15.00");
        }

        // a citizen's zero-rated invoice names the exemption, their national ID, and has VAT 0.00 in its code
        PatientDetails citizen = f.citizen();
        InvoiceView zero = issuedFor(citizen);
        Page page = render(documents.invoicePdf(zero.id(), Language.EN), "invoice-zero-rated-en");
        assertThat(page.text())
                .contains("VATEX-SA-HEA", citizen.identityDocument().number(), "Simplified tax invoice");
        assertThat(ZatcaQr.decode(page.qr()).vatTotal()).isEqualTo("0.00");
    }

    @Test
    void theFinancialReportRendersAsPdfAndCsv() throws Exception {
        PatientDetails resident = f.resident();
        issuedFor(resident);
        LocalDate today = time.today();
        FinancialReport report = reports.report(today.minusDays(7), today);
        assertThat(report.vat()).anySatisfy(v -> assertThat(v.category()).isEqualTo("S"));
        assertThat(report.ageing())
                .extracting(FinancialReport.Ageing::bucket)
                .containsExactly("0-30", "31-60", "61-90", "90+");
        render(reports.pdf(report, Language.EN), "financial-report-en");
        render(reports.pdf(report, Language.AR), "financial-report-ar");
        String csv = new String(reports.csv(report), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("section,key,name,count,amount,vat").contains("receivables_ageing,0-30");
        Files.writeString(OUT.resolve("financial-report.csv"), csv);
    }

    @Test
    void thePatientGetsTheInvoiceAndTheReceiptByEmailOnce() {
        PatientDetails resident = f.resident();
        InvoiceView invoice = issuedFor(resident);
        payments.receive(
                new PaymentRequests.NewPayment(
                                resident.id().value(),
                                null,
                                PaymentMethod.CASH,
                                new BigDecimal("500.00"),
                                null,
                                null,
                                null)
                        .acceptingCredit(), // more than owed: the rest is credit, as the cashier accepted
                null);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<Map<String, Object>> sent = jdbc.sql("""
                            select m.kind, m.channel, a.filename from notification_message m
                            join notification_attachment a on a.message_id = m.id
                            where m.recipient_id = :patient order by m.kind""")
                    .param("patient", resident.id().value())
                    .query()
                    .listOfRows();
            assertThat(sent)
                    .extracting(row -> row.get("kind") + " " + row.get("filename"))
                    .hasSize(2)
                    .anySatisfy(s -> assertThat(s).isEqualTo("invoice-issued " + invoice.number() + ".pdf"))
                    .anySatisfy(s -> assertThat(s).matches("payment-receipt RCT-\\d{6}\\.pdf"));
        });
    }
}
