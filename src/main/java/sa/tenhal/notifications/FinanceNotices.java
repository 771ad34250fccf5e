package sa.tenhal.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.finance.DocumentKind;
import sa.tenhal.finance.FinanceDocuments;
import sa.tenhal.finance.FinancialReport;
import sa.tenhal.finance.FinancialReportDue;
import sa.tenhal.finance.FinancialReports;
import sa.tenhal.finance.InvoiceIssued;
import sa.tenhal.finance.InvoiceOverdue;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.Payer;
import sa.tenhal.finance.PaymentReceived;
import sa.tenhal.finance.PaymentView;
import sa.tenhal.finance.Payments;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.patients.PatientId;
import sa.tenhal.shared.Language;

/**
 * Finance's messages: the patient gets each issued invoice or note and each payment's receipt as a PDF by email, and
 * overdue reminders by email and SMS; finance staff and managers get the periodic financial report as PDF and CSV.
 * Insurers' documents go through the insurer's own channels (NPHIES), not these. Each cause sends once: the source
 * names the document, payment, reminder number or period.
 */
@Component
class FinanceNotices {

    private final Invoicing invoicing;
    private final Payments payments;
    private final FinanceDocuments documents;
    private final FinancialReports reports;
    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;

    FinanceNotices(
            Invoicing invoicing,
            Payments payments,
            FinanceDocuments documents,
            FinancialReports reports,
            StaffDirectory staff,
            Recipients recipients,
            Messages messages) {
        this.invoicing = invoicing;
        this.payments = payments;
        this.documents = documents;
        this.reports = reports;
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        if (issued.payer() != Payer.PATIENT) {
            return;
        }
        InvoiceView invoice = invoicing.find(issued.invoice());
        recipients
                .patient(new PatientId(invoice.patientId()))
                .filter(to -> to.reachableBy(Channel.EMAIL))
                .ifPresent(to -> {
                    // rendered only for someone who gets it: a PDF costs more than the rest of the message
                    byte[] pdf = documents.invoicePdf(invoice.id(), to.language());
                    messages.send(new Outgoing(
                            issued.kind() == DocumentKind.CREDIT_NOTE ? "credit-note-issued" : "invoice-issued",
                            "InvoiceIssued:" + invoice.id(),
                            to,
                            List.of(Channel.EMAIL),
                            Map.of(
                                    "name", to.name(),
                                    "number", invoice.number(),
                                    "total", invoice.total().toPlainString(),
                                    "dueDate", String.valueOf(invoice.dueDate()),
                                    "debitNote", issued.kind() == DocumentKind.DEBIT_NOTE),
                            false,
                            List.of(Attachment.pdf(documents.fileName(invoice), pdf))));
                });
    }

    @ApplicationModuleListener
    void on(PaymentReceived received) {
        PaymentView payment = payments.find(received.payment());
        if (payment.patientId() == null) {
            return;
        }
        recipients
                .patient(new PatientId(payment.patientId()))
                .filter(to -> to.reachableBy(Channel.EMAIL))
                .ifPresent(to -> {
                    byte[] pdf = documents.receiptPdf(payment.id(), to.language());
                    messages.send(new Outgoing(
                            "payment-receipt",
                            "PaymentReceived:" + payment.id(),
                            to,
                            List.of(Channel.EMAIL),
                            Map.of(
                                    "name", to.name(),
                                    "amount", payment.amount().toPlainString(),
                                    "numbers",
                                            String.join(
                                                    ", ",
                                                    payment.allocations().stream()
                                                            .map(PaymentView.Allocation::number)
                                                            .toList()),
                                    "credit", payment.credit().toPlainString(),
                                    "hasCredit", payment.credit().signum() > 0),
                            false,
                            List.of(Attachment.pdf(payment.receiptNumber() + ".pdf", pdf))));
                });
    }

    @ApplicationModuleListener
    void on(InvoiceOverdue overdue) {
        InvoiceView invoice = invoicing.find(overdue.invoice());
        if (invoice.payer() != Payer.PATIENT || invoice.balance().signum() == 0) {
            return;
        }
        recipients
                .patient(new PatientId(invoice.patientId()))
                .ifPresent(to -> messages.send(new Outgoing(
                        "invoice-overdue",
                        "InvoiceOverdue:" + invoice.id() + ":" + overdue.reminder(),
                        to,
                        List.of(Channel.EMAIL, Channel.SMS),
                        Map.of(
                                "name", to.name(),
                                "number", invoice.number(),
                                "balance", invoice.balance().toPlainString(),
                                "dueDate", String.valueOf(invoice.dueDate()),
                                "reminder", overdue.reminder()),
                        false)));
    }

    @ApplicationModuleListener
    void on(FinancialReportDue due) {
        FinancialReport report = reports.report(due.from(), due.to());
        byte[] csv = reports.csv(report);
        Map<sa.tenhal.identity.UserId, StaffMember> audience = new LinkedHashMap<>();
        for (Role role : List.of(Role.FINANCE, Role.MANAGER)) {
            staff.withRole(role).stream().filter(StaffMember::enabled).forEach(m -> audience.put(m.id(), m));
        }
        Map<Language, byte[]> pdfs = new LinkedHashMap<>();
        String name = "financial-report-" + due.period().name().toLowerCase() + "-" + due.from();
        for (StaffMember member : audience.values()) {
            byte[] pdf = pdfs.computeIfAbsent(member.language(), language -> reports.pdf(report, language));
            List<Attachment> files = new ArrayList<>();
            files.add(Attachment.pdf(name + ".pdf", pdf));
            files.add(Attachment.csv(name + ".csv", csv));
            messages.send(new Outgoing(
                    "financial-report",
                    "FinancialReportDue:" + due.period() + ":" + due.from(),
                    recipients.staff(member),
                    List.of(Channel.EMAIL),
                    Map.of(
                            "name", member.fullName(member.language()),
                            "weekly", due.period() == FinancialReportDue.Period.WEEKLY,
                            "from", due.from().toString(),
                            "to", due.to().toString(),
                            "revenue", report.revenue().toPlainString()),
                    false,
                    files));
        }
    }
}
