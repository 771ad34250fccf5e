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

    FinanceDocuments(
            Invoicing invoicing,
            Payments payments,
            ClinicCatalog catalog,
            Documents documents,
            ClinicTime time,
            Billing billing) {
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

    /** The PDF of an invoice, credit note or debit note. A draft is marked as such and has no QR code. */
    public byte[] invoicePdf(InvoiceId id, Language language) {
        InvoiceView invoice = invoicing.find(id);
        CentreDetails centre = catalog.centre(invoice.centreCode());
        Map<String, Object> model = new HashMap<>();
        model.put("invoice", invoice);
        model.put("centre", centre);
        model.put(
                "address",
                String.join(
                        ", ",
                        java.util.stream.Stream.of(
                                        centre.buildingNumber(),
                                        centre.street(),
                                        centre.district(),
                                        centre.city(),
                                        centre.postalCode())
                                .filter(java.util.Objects::nonNull)
                                .toList()));
        model.put("original", invoice.originalInvoiceId() == null ? null : invoicing.find(invoice.originalInvoiceId()));
        model.put(
                "issuedAt",
                invoice.issuedAt() == null
                        ? null
                        : time.local(invoice.issuedAt()).format(QR_TIME));
        model.put(
                "qr",
                invoice.issuedAt() == null
                        ? null
                        : documents.qrDataUri(qr(invoice).base64(), 300));
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
        model.put("receivedAt", time.local(payment.receivedAt()).format(QR_TIME).replace('T', ' '));
        model.put("payerName", payerName(payment));
        return documents.pdf("finance/receipt", model, language);
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
}
