package sa.tenhal.finance;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.documents.Documents;
import sa.tenhal.shared.Language;

/**
 * The PDFs of finance: invoices, credit and debit notes (with the seller's VAT number and the ZATCA QR code) and
 * payment receipts, in Arabic (right to left) or English.
 */
@Service
@Transactional(readOnly = true)
public class FinanceDocuments {

    private static final DateTimeFormatter QR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Invoicing invoicing;
    private final Payments payments;
    private final ClinicCatalog catalog;
    private final Documents documents;
    private final ClinicTime time;
    private final Billing billing;
    private final org.springframework.beans.factory.ObjectProvider<TaxDocumentSeal> seals;

    FinanceDocuments(
            Invoicing invoicing,
            Payments payments,
            ClinicCatalog catalog,
            Documents documents,
            ClinicTime time,
            Billing billing,
            org.springframework.beans.factory.ObjectProvider<TaxDocumentSeal> seals) {
        this.seals = seals;
        this.invoicing = invoicing;
        this.payments = payments;
        this.catalog = catalog;
        this.documents = documents;
        this.time = time;
        this.billing = billing;
    }

    /**
     * The QR code's contents for an issued document: the centre's name (Arabic, its registered name) and VAT number,
     * the issue time as the ZATCA SDK writes it (clinic-local date and time, no zone), the total and the VAT total.
     */
    public ZatcaQr qr(InvoiceView invoice) {
        if (invoice.issuedAt() == null) {
            throw new IllegalStateException("only an issued document has a QR code");
        }
        CentreDetails centre = catalog.centre(invoice.centreCode());
        return new ZatcaQr(
                centre.nameAr() != null ? centre.nameAr() : centre.nameEn(),
                centre.vatNumber(),
                time.local(invoice.issuedAt()).format(QR_TIME),
                Sar.text(invoice.total()),
                Sar.text(invoice.vatTotal()));
    }

    /**
     * The text of the QR code a document's PDF shows: the phase-2 code of its seal (the cleared one once ZATCA has
     * cleared it) when documents are sealed, otherwise the phase-1 code of {@link #qr}.
     */
    public String qrCode(InvoiceView invoice) {
        TaxDocumentSeal seal = seals.getIfAvailable();
        return (seal == null ? java.util.Optional.<String>empty() : seal.qrCode(invoice.id()))
                .orElseGet(() -> qr(invoice).base64());
    }

    /** Where a document stands with ZATCA (empty when documents are not sealed, or for a draft). */
    public java.util.Optional<TaxDocumentSeal.State> taxAuthorityState(InvoiceId id) {
        TaxDocumentSeal seal = seals.getIfAvailable();
        return seal == null ? java.util.Optional.empty() : seal.state(id);
    }

    /** The e-invoice XML as kept and sent (the cleared one once ZATCA cleared it). */
    public java.util.Optional<byte[]> taxDocument(InvoiceId id) {
        TaxDocumentSeal seal = seals.getIfAvailable();
        return seal == null ? java.util.Optional.empty() : seal.document(id);
    }

    /** The file name of a document's XML, e.g. {@code INV-RYD-000001.xml}. */
    public String xmlFileName(InvoiceView invoice) {
        return (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".xml";
    }

    /** The PDF of an invoice, credit note or debit note. A draft is marked as such and has no QR code. */
    public byte[] invoicePdf(InvoiceId id, Language language) {
        InvoiceView invoice = invoicing.find(id);
        CentreDetails centre = catalog.centre(invoice.centreCode());
        Map<String, Object> model = new HashMap<>();
        model.put("invoice", invoice);
        model.put("centre", centre);
        model.put("address", centre.address(language));
        model.put("original", invoice.originalInvoiceId() == null ? null : invoicing.find(invoice.originalInvoiceId()));
        model.put(
                "issuedAt",
                invoice.issuedAt() == null
                        ? null
                        : time.local(invoice.issuedAt()).format(readableTime(language)));
        model.put(
                "dueDate", invoice.dueDate() == null ? null : invoice.dueDate().format(readableDate(language)));
        model.put(
                "serviceDate",
                invoice.serviceDate() == null ? null : invoice.serviceDate().format(readableDate(language)));
        model.put("qr", invoice.issuedAt() == null ? null : documents.qrDataUri(qrCode(invoice), 440));
        // B2C documents (to the patient) are simplified tax invoices; the insurer's share is a standard one
        model.put(
                "titleKey",
                "finance.doc." + invoice.kind()
                        + (invoice.kind() == DocumentKind.INVOICE && invoice.payer() == Payer.PATIENT
                                ? ".simplified"
                                : ""));
        return documents.pdf("finance/invoice", model, language);
    }

    /** The receipt of a payment: what was received, how, and which documents it paid. */
    public byte[] receiptPdf(PaymentId id, Language language) {
        PaymentView payment = payments.find(id);
        List<InvoiceView> paid = payment.allocations().stream()
                .map(a -> invoicing.find(a.invoice()))
                .toList();
        String centreCode = paid.isEmpty() ? null : paid.get(0).centreCode();
        CentreDetails centre = centreCode == null ? catalog.centres().get(0) : catalog.centre(centreCode);
        Map<String, Object> model = new HashMap<>();
        model.put("payment", payment);
        model.put("centre", centre);
        model.put("paid", paid);
        model.put("receivedAt", time.local(payment.receivedAt()).format(readableTime(language)));
        model.put("address", centre.address(language));
        model.put("payerName", payerName(payment));
        return documents.pdf("finance/receipt", model, language);
    }

    /** A date as people read it, {@code 5 December 2026} or {@code 5 ديسمبر 2026} (Western digits, as ZATCA's). */
    static DateTimeFormatter readableDate(Language language) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
    }

    /** A clinic-local date and time as people read it, {@code 5 December 2026, 14:30}. */
    static DateTimeFormatter readableTime(Language language) {
        return DateTimeFormatter.ofPattern(
                language.rightToLeft() ? "d MMMM yyyy، HH:mm" : "d MMMM yyyy, HH:mm", language.locale());
    }

    private String payerName(PaymentView payment) {
        if (payment.patientId() == null) {
            return payment.insurerId();
        }
        try {
            return billing.patient(payment.patientId()).fullName(Language.AR);
        } catch (NotFoundException e) {
            return String.valueOf(payment.patientId());
        }
    }

    /** The file name of a document's PDF, e.g. {@code INV-RYD-000001.pdf}. */
    public String fileName(InvoiceView invoice) {
        return (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".pdf";
    }

    static String receiptFileName(UUID payment) {
        return "receipt-" + payment + ".pdf";
    }

    /** The file name of a receipt's PDF, e.g. {@code RCT-000001.pdf}. */
    static String receiptFileName(PaymentView payment) {
        return (payment.receiptNumber() == null ? "receipt-" + payment.id().value() : payment.receiptNumber()) + ".pdf";
    }
}
