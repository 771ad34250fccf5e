package sa.tenhal.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.finance.FinanceDocuments;
import sa.tenhal.finance.FinancialReport;
import sa.tenhal.finance.FinancialReports;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.PaymentId;
import sa.tenhal.finance.PaymentImports;
import sa.tenhal.finance.PaymentMethod;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.shared.Language;

@RestController
@Tag(name = "Finance documents and reports", description = "PDFs, the financial report, batch payment imports")
class FinanceDocumentsController {

    private final FinanceDocuments documents;
    private final Invoicing invoicing;
    private final FinancialReports reports;
    private final PaymentImports imports;

    private final PatientReads reads;
    private final sa.tenhal.finance.Payments payments;

    FinanceDocumentsController(
            FinanceDocuments documents,
            Invoicing invoicing,
            FinancialReports reports,
            PaymentImports imports,
            PatientReads reads,
            sa.tenhal.finance.Payments payments) {
        this.reads = reads;
        this.payments = payments;
        this.documents = documents;
        this.invoicing = invoicing;
        this.reports = reports;
        this.imports = imports;
    }

    @GetMapping(value = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "The invoice, credit note or debit note as a PDF with the ZATCA QR code (lang: en, ar)")
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID id, @RequestParam(defaultValue = "ar") String lang) {
        var invoice = invoicing.find(new InvoiceId(id));
        reads.viewed("Invoice", id, invoice.patientId(), "export:invoice-pdf");
        return pdf(documents.invoicePdf(invoice.id(), language(lang)), documents.fileName(invoice));
    }

    @GetMapping(value = "/api/v1/invoices/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "The e-invoice: the signed UBL 2.1 XML, or ZATCA's cleared XML once cleared (404 for a draft)",
            description = "The exact bytes that were hashed, stamped and sent; never re-serialised.")
    ResponseEntity<byte[]> invoiceXml(@PathVariable UUID id) {
        var invoice = invoicing.find(new InvoiceId(id));
        byte[] xml = documents
                .taxDocument(invoice.id())
                .orElseThrow(() -> new sa.tenhal.platform.NotFoundException("E-invoice", id));
        reads.viewed("Invoice", id, invoice.patientId(), "export:invoice-xml");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(documents.xmlFileName(invoice))
                                .build()
                                .toString())
                .body(xml);
    }

    @GetMapping("/api/v1/invoices/{id}/zatca")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "Where the document stands with ZATCA: state, ICV, hash, cleared, ZATCA's messages",
            description = "PENDING, RETRYING, ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED (with ZATCA's rule ids;"
                    + " correct it with a credit note) or UNAUTHORISED (the unit's CSID was refused). 404 for a draft.")
    sa.tenhal.finance.TaxDocumentSeal.State zatcaState(@PathVariable UUID id) {
        var invoice = invoicing.find(new InvoiceId(id));
        return documents
                .taxAuthorityState(invoice.id())
                .orElseThrow(() -> new sa.tenhal.platform.NotFoundException("E-invoice", id));
    }

    @GetMapping(value = "/api/v1/payments/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "The payment's receipt as a PDF (lang: en, ar)")
    ResponseEntity<byte[]> receipt(@PathVariable UUID id, @RequestParam(defaultValue = "ar") String lang) {
        var payment = payments.find(new PaymentId(id));
        reads.viewed("Payment", id, payment.patientId(), "export:receipt-pdf");
        return pdf(documents.receiptPdf(new PaymentId(id), language(lang)), payment.receiptNumber() + ".pdf");
    }

    @GetMapping("/api/v1/reports/financial")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(
            summary = "The financial report for any range of clinic-local dates (format: json, csv, pdf)",
            description = "Revenue by clinic, service and provider; collections by method; VAT by category;"
                    + " receivables ageing (0-30, 31-60, 61-90, 90+ days past due); open package liabilities")
    ResponseEntity<?> report(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "en") String lang) {
        FinancialReport report = reports.report(from, to);
        String name = "financial-report-" + from + "-" + to;
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name + ".csv")
                                        .build()
                                        .toString())
                        .body(reports.csv(report));
            case "pdf" -> pdf(reports.pdf(report, language(lang)), name + ".pdf");
            default -> ResponseEntity.ok(report);
        };
    }

    @PostMapping(value = "/api/v1/payments/imports", consumes = "text/csv")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(
            summary = "Import bank transfers or insurer remittances from CSV (transaction,date,amount,reference)",
            description = "Each row is matched to the invoice whose number is its reference and recorded as its"
                    + " payment; the answer lists the rows that did not match. Importing a file again records"
                    + " nothing twice (transaction ids are unique per method).")
    PaymentImports.Report importPayments(
            @RequestParam(defaultValue = "BANK_TRANSFER") PaymentMethod method, @RequestBody String csv) {
        return imports.importCsv(new StringReader(csv), method, Actor.currentUserId());
    }

    private static Language language(String lang) {
        return "en".equalsIgnoreCase(lang) ? Language.EN : Language.AR;
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(pdf);
    }
}
