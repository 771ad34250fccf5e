package sa.tenhal.desk.finance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.finance.FinancialReports;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceRequests;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.PackageId;
import sa.tenhal.finance.PackageRequests;
import sa.tenhal.finance.Packages;
import sa.tenhal.finance.PatientPackageView;
import sa.tenhal.finance.PaymentId;
import sa.tenhal.finance.PaymentImports;
import sa.tenhal.finance.PaymentMethod;
import sa.tenhal.finance.PaymentRequests;
import sa.tenhal.finance.PaymentView;
import sa.tenhal.finance.Payments;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.shared.Language;

/**
 * The money pages: invoices (issue, cancel a draft, discount within the role's limit, take a payment, credit note,
 * the PDF), payments (the receipt, refunds), batch imports of bank transfers and insurer remittances, and the
 * financial report. Cashiers (reception too) collect; refunds, notes, imports and reports are finance's.
 */
@Controller
@RequestMapping("/finance")
@PreAuthorize(FinancePages.CASHIERS)
class FinancePages {

    static final String CASHIERS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'FINANCE')";
    static final String FINANCE = "hasAnyRole('ADMIN', 'MANAGER', 'FINANCE')";

    /** An invoice in a list, with the payer's name. */
    record Row(InvoiceView invoice, String payerName) {}

    private final Invoicing invoicing;
    private final Payments payments;
    private final PaymentImports imports;
    private final Packages packages;
    private final FinancialReports reports;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;
    private final PatientReads reads;
    private final sa.tenhal.finance.FinanceDocuments financeDocuments;

    FinancePages(
            Invoicing invoicing,
            Payments payments,
            PaymentImports imports,
            Packages packages,
            FinancialReports reports,
            PatientRegistry patients,
            ClinicTime time,
            MessageSource messages,
            jakarta.validation.Validator validator,
            PatientReads reads,
            sa.tenhal.finance.FinanceDocuments financeDocuments) {
        this.financeDocuments = financeDocuments;
        this.reads = reads;
        this.validator = validator;
        this.invoicing = invoicing;
        this.payments = payments;
        this.imports = imports;
        this.packages = packages;
        this.reports = reports;
        this.patients = patients;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping
    String invoices(
            @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) UUID patient,
            @RequestParam(defaultValue = "false") boolean zatcaPending,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Pageable pageable =
                Paging.unique(PageRequest.of(Math.max(page, 0), 25, Sort.by(Sort.Direction.DESC, "createdAt")));
        // "not yet accepted by ZATCA": waiting, retrying, refused credentials or rejected
        Page<InvoiceView> found = zatcaPending
                ? invoicing.notAcceptedByTaxAuthority(pageable)
                : invoicing.list(patient, status, null, pageable);
        model.addAttribute("zatcaPending", zatcaPending);
        Language language = language();
        Map<UUID, String> names = found.stream()
                .map(InvoiceView::patientId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .collect(Collectors.toMap(id -> id, id -> patients.find(new PatientId(id))
                        .map(p -> p.fullName(language))
                        .orElse("—")));
        reads.listed("Invoice", "page:finance-invoices", names.keySet());
        model.addAttribute(
                "rows",
                found.stream()
                        .map(i -> new Row(
                                i, i.insurerName() != null ? i.insurerName() : names.getOrDefault(i.patientId(), "—")))
                        .toList());
        model.addAttribute("status", status);
        model.addAttribute("patient", patient);
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("page", found.getNumber());
        model.addAttribute("hasMore", found.hasNext());
        return "desk/finance/invoices";
    }

    @GetMapping("/invoices/{id}")
    String invoice(@PathVariable UUID id, Model model) {
        InvoiceView invoice = invoicing.find(new InvoiceId(id));
        reads.viewed("Invoice", id, invoice.patientId(), "page:finance-invoice");
        model.addAttribute("invoice", invoice);
        model.addAttribute(
                "zatca", financeDocuments.taxAuthorityState(invoice.id()).orElse(null));
        model.addAttribute("notes", invoicing.notesOf(invoice.id()));
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute(
                "patient",
                invoice.patientId() == null
                        ? null
                        : patients.find(new PatientId(invoice.patientId())).orElse(null));
        model.addAttribute(
                "account", invoice.patientId() == null ? null : payments.account(new PatientId(invoice.patientId())));
        return "desk/finance/invoice";
    }

    /** The e-invoice XML as kept and sent (signed, or cleared by ZATCA). */
    @GetMapping("/invoices/{id}/xml")
    org.springframework.http.ResponseEntity<byte[]> invoiceXml(@PathVariable UUID id) {
        InvoiceView invoice = invoicing.find(new InvoiceId(id));
        byte[] xml = financeDocuments
                .taxDocument(invoice.id())
                .orElseThrow(() -> new sa.tenhal.platform.NotFoundException("E-invoice", id));
        reads.viewed("Invoice", id, invoice.patientId(), "page:finance-invoice-xml");
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_XML)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(financeDocuments.xmlFileName(invoice))
                                .build()
                                .toString())
                .body(xml);
    }

    /**
     * Issues a draft, and says what happens to it: emailed only when the patient has an email address and chose
     * email (what the notifications module sends it by); otherwise that it was not sent and why.
     */
    @PostMapping("/invoices/{id}/issue")
    String issue(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            InvoiceView issued = invoicing.issue(new InvoiceId(id));
            redirect.addFlashAttribute("noticeText", issuedNotice(issued));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
        }
        return "redirect:/finance/invoices/" + id;
    }

    private String issuedNotice(InvoiceView invoice) {
        if (invoice.payer() != sa.tenhal.finance.Payer.PATIENT || invoice.patientId() == null) {
            return messages.getMessage("money.issued.insurer", null, locale());
        }
        PatientDetails patient =
                patients.find(new PatientId(invoice.patientId())).orElse(null);
        if (patient != null
                && patient.email() != null
                && patient.channels() != null
                && patient.channels().contains(sa.tenhal.patients.ContactChannel.EMAIL)) {
            return messages.getMessage("money.issued.emailed", new Object[] {patient.email()}, locale());
        }
        return messages.getMessage(
                patient != null && patient.email() != null ? "money.issued.emailNotChosen" : "money.issued.noEmail",
                null,
                locale());
    }

    @PostMapping("/invoices/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "money.cancelled", "/finance/invoices/" + id, () -> invoicing.cancel(new InvoiceId(id)));
    }

    @PostMapping("/invoices/{id}/discount")
    String discount(
            @PathVariable UUID id,
            @RequestParam(required = false) BigDecimal percent,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "money.discounted",
                "/finance/invoices/" + id,
                () -> invoicing.discount(
                        new InvoiceId(id),
                        valid(new InvoiceRequests.Discount(null, percent, amount, reason)),
                        Actor.roles()));
    }

    /** A payment above the balance, waiting for the cashier's yes: what it pays and what would become credit. */
    public record Overpayment(
            PaymentMethod method, BigDecimal amount, String reference, BigDecimal applied, BigDecimal credit)
            implements java.io.Serializable {}

    /**
     * Takes a payment on an invoice. More than its balance is not taken silently: the page asks first, saying how
     * much would become the patient's credit, and records it only with {@code acceptCredit}.
     */
    @PostMapping("/invoices/{id}/payments")
    String pay(
            @PathVariable UUID id,
            @RequestParam PaymentMethod method,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "false") boolean acceptCredit,
            RedirectAttributes redirect) {
        InvoiceView invoice = invoicing.find(new InvoiceId(id));
        if (invoice.patientId() == null) {
            redirect.addFlashAttribute("problem", messages.getMessage("money.insurerPays", null, locale()));
            return "redirect:/finance/invoices/" + id;
        }
        BigDecimal paying = amount == null ? invoice.balance() : amount;
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        try {
            PaymentRequests.NewPayment request = valid(new PaymentRequests.NewPayment(
                    invoice.patientId(),
                    null,
                    method,
                    paying,
                    ref,
                    null,
                    List.of(new PaymentRequests.Allocate(invoice.id().value(), paying.min(invoice.balance())))));
            PaymentView payment =
                    payments.receive(acceptCredit ? request.acceptingCredit() : request, Actor.currentUserId());
            redirect.addFlashAttribute("notice", acceptCredit ? "money.paid.withCredit" : "money.paid.notice");
            return "redirect:/finance/payments/" + payment.id().value();
        } catch (InvalidFieldsException e) {
            if (!acceptCredit
                    && !e.errors().isEmpty()
                    && "payment.aboveBalance".equals(e.errors().get(0).code())) {
                redirect.addFlashAttribute(
                        "overpayment",
                        new Overpayment(
                                method, paying, ref, (BigDecimal) e.properties().get("applied"), (BigDecimal)
                                        e.properties().get("credit")));
                return "redirect:/finance/invoices/" + id + "#pay";
            }
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
            return "redirect:/finance/invoices/" + id;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
            return "redirect:/finance/invoices/" + id;
        }
    }

    @PostMapping("/invoices/{id}/credit-notes")
    @PreAuthorize(FINANCE)
    String creditNote(
            @PathVariable UUID id,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "money.credited",
                "/finance/invoices/" + id,
                () -> invoicing.creditNote(new InvoiceId(id), valid(new InvoiceRequests.CreditNote(amount, reason))));
    }

    @GetMapping("/payments/{id}")
    String payment(@PathVariable UUID id, Model model) {
        PaymentView payment = payments.find(new PaymentId(id));
        reads.viewed("Payment", id, payment.patientId(), "page:finance-payment");
        model.addAttribute("payment", payment);
        model.addAttribute("refunds", payments.refundsOf(payment.id()));
        PatientDetails patient = payment.patientId() == null
                ? null
                : patients.find(new PatientId(payment.patientId())).orElse(null);
        model.addAttribute("patient", patient);
        return "desk/finance/payment";
    }

    @PostMapping("/payments/{id}/refunds")
    @PreAuthorize(FINANCE)
    String refund(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID invoice,
            @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        // a credit note is issued only for money refunded from an invoice; a refund of unallocated credit has none
        try {
            var refund = payments.refund(
                    new PaymentId(id),
                    valid(new PaymentRequests.NewRefund(invoice, amount, reason)),
                    Actor.currentUserId());
            redirect.addFlashAttribute(
                    "notice", refund.creditNote() == null ? "money.refunded.credit" : "money.refunded");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
        }
        return "redirect:/finance/payments/" + id;
    }

    @GetMapping("/packages")
    String packages(@RequestParam(required = false) UUID patient, Model model) {
        model.addAttribute("definitions", packages.definitions());
        if (patient != null) {
            PatientId id = new PatientId(patient);
            reads.viewed("Account", patient, patient, "page:finance-packages");
            model.addAttribute("patient", patients.find(id).orElse(null));
            model.addAttribute("owned", packages.ofPatient(id));
        }
        return "desk/finance/packages";
    }

    /** Selling a package issues its invoice; the package becomes active once that invoice is paid. */
    @PostMapping("/packages/sell")
    String sell(@RequestParam UUID patient, @RequestParam UUID definition, RedirectAttributes redirect) {
        try {
            PatientPackageView sold = packages.purchase(valid(new PackageRequests.Purchase(patient, definition)));
            redirect.addFlashAttribute("notice", "money.packageSold");
            return "redirect:/finance/invoices/" + sold.invoice().value();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
            return "redirect:/finance/packages?patient=" + patient;
        }
    }

    @PostMapping("/packages/{id}/refund")
    @PreAuthorize(FINANCE)
    String refundPackage(
            @PathVariable UUID id,
            @RequestParam UUID patient,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "money.packageRefunded",
                "/finance/packages?patient=" + patient,
                () -> packages.refund(
                        new PackageId(id),
                        valid(new PackageRequests.Refund(reason)).reason(),
                        Actor.currentUserId()));
    }

    @GetMapping("/imports")
    @PreAuthorize(FINANCE)
    String importForm(Model model) {
        model.addAttribute("methods", List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.INSURANCE_REMITTANCE));
        return "desk/finance/imports";
    }

    @PostMapping("/imports")
    @PreAuthorize(FINANCE)
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam PaymentMethod method, Model model)
            throws IOException {
        model.addAttribute("methods", List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.INSURANCE_REMITTANCE));
        if (file.isEmpty()) {
            model.addAttribute("problem", messages.getMessage("money.noFile", null, locale()));
            return "desk/finance/imports";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("report", imports.importCsv(reader, method, Actor.currentUserId()));
        } catch (ProblemException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
        }
        return "desk/finance/imports";
    }

    @GetMapping("/reports")
    @PreAuthorize(FINANCE)
    String report(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            model.addAttribute("report", reports.report(start, end));
        } catch (InvalidFieldsException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
        }
        return "desk/finance/report";
    }

    private String act(RedirectAttributes redirect, String notice, String back, Supplier<?> action) {
        return Forms.act(messages, redirect, notice, back, action);
    }

    /** Validates a request record as the API would (@Valid), so the page refuses what the API refuses. */
    private <T> T valid(T request) {
        List<sa.tenhal.platform.FieldProblem> problems = validator.validate(request).stream()
                // the message names its field in the user's language (FieldNamingInterpolator)
                .map(v ->
                        new sa.tenhal.platform.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return request;
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    private static Language language() {
        return Language.of(locale());
    }
}
