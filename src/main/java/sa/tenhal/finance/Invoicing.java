package sa.tenhal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.visits.PerformedService;
import sa.tenhal.visits.VisitRecords;

/**
 * The seed's InvoiceService: invoices from completed visits (exactly once), manual invoices, discounts within the
 * caller's limit, issuing with gapless numbers, cancelling drafts, credit and debit notes, the overdue check.
 */
@Service
@Transactional
public class Invoicing {

    private final Invoices invoices;
    private final Billing billing;
    private final Packages packages;
    private final ClinicCatalog catalog;
    private final FinanceProperties properties;
    private final ClinicTime time;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<TaxDocumentSeal> seals;
    // looked up when first needed: the visit record reaches the scheduling, whose jobs reach finance's
    private final org.springframework.beans.factory.ObjectProvider<VisitRecords> visits;

    Invoicing(
            Invoices invoices,
            Billing billing,
            Packages packages,
            ClinicCatalog catalog,
            FinanceProperties properties,
            ClinicTime time,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<TaxDocumentSeal> seals,
            org.springframework.beans.factory.ObjectProvider<VisitRecords> visits) {
        this.seals = seals;
        this.invoices = invoices;
        this.billing = billing;
        this.packages = packages;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.jdbc = jdbc;
        this.events = events;
        this.visits = visits;
    }

    /**
     * Bills a completed visit, exactly once however often it is called (the appointments module's
     * {@code AppointmentCompleted} may arrive more than once): if an active package of the patient covers the service,
     * one session is consumed and no invoice is made; otherwise a draft invoice for the patient (and, when insured, one
     * for the insurer's share), issued at once if {@code tenhal.finance.issue-on-completion}. Returns the visit's
     * invoices, empty when a package paid for it.
     */
    public List<InvoiceView> generateFor(CompletedVisit visit) {
        // Serialise concurrent deliveries of the same visit; the unique index on (appointment, payer) backs this up.
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param(
                        "key",
                        visit.appointmentId().getMostSignificantBits()
                                ^ visit.appointmentId().getLeastSignificantBits())
                .query((rs, n) -> 1)
                .list();
        List<Invoice> existing = invoices.findByAppointment(visit.appointmentId());
        if (!existing.isEmpty()) {
            return existing.stream().map(Invoice::view).toList();
        }
        LocalDate serviceDate = time.local(visit.startsAt()).toLocalDate();
        if (packages.consumeFor(visit, serviceDate)) {
            return List.of();
        }
        ClinicDetails clinic = catalog.clinic(visit.clinicId());
        PatientDetails patient = billing.patient(visit.patientId().value());
        List<Invoice> made = bill(
                patient,
                clinic,
                visit.providerId() == null ? null : visit.providerId().value(),
                visit.appointmentId(),
                serviceDate,
                performed(visit),
                true);
        if (properties.issueOnCompletion()) {
            made = made.stream().map(billing::issue).toList();
        }
        return made.stream().map(Invoice::view).toList();
    }

    /**
     * What a completed visit bills: the services its record says were performed (docs/visits.md), else the booked
     * one.
     */
    private List<ServiceQuantity> performed(CompletedVisit visit) {
        List<PerformedService> performed = visits.getObject().performedServices(visit.appointmentId());
        if (performed.isEmpty()) {
            return List.of(new ServiceQuantity(catalog.service(visit.serviceId()), 1));
        }
        var services = catalog.services(
                performed.stream().map(p -> new ServiceId(p.serviceId())).toList());
        return performed.stream()
                .map(p -> new ServiceQuantity(services.get(new ServiceId(p.serviceId())), p.quantity()))
                .toList();
    }

    /** A manual invoice (a walk-in, a product): a draft priced from the catalogue. */
    public List<InvoiceView> create(InvoiceRequests.NewInvoice form) {
        ClinicDetails clinic = catalog.clinic(new ClinicId(form.clinicId()));
        PatientDetails patient = billing.patient(form.patientId());
        List<ServiceQuantity> lines = new ArrayList<>();
        for (int i = 0; i < form.lines().size(); i++) {
            var line = form.lines().get(i);
            ServiceDetails service;
            try {
                service = catalog.service(new ServiceId(line.serviceId()));
            } catch (NotFoundException e) {
                throw new InvalidFieldsException("lines[" + i + "].serviceId", "names no service");
            }
            lines.add(new ServiceQuantity(service, line.quantity() == null ? 1 : line.quantity()));
        }
        return bill(
                        patient,
                        clinic,
                        form.providerId(),
                        null,
                        time.today(),
                        lines,
                        form.useInsurance() == null || form.useInsurance())
                .stream()
                .map(Invoice::view)
                .toList();
    }

    private record ServiceQuantity(ServiceDetails service, int quantity) {}

    /**
     * Drafts for the patient and, with a coverage on the day, the insurer: the patient pays the configured share
     * (zero-rated for a citizen), the insurer the rest at 15 %.
     */
    private List<Invoice> bill(
            PatientDetails patient,
            ClinicDetails clinic,
            UUID providerId,
            UUID appointmentId,
            LocalDate serviceDate,
            List<ServiceQuantity> lines,
            boolean useInsurance) {
        Optional<PatientDetails.Coverage> coverage =
                useInsurance ? billing.coverage(patient, serviceDate) : Optional.empty();
        String centre = clinic.centreCode();
        UUID clinicId = clinic.id().value();
        List<Invoice> made = new ArrayList<>();
        if (coverage.isEmpty()) {
            Invoice invoice = billing.draft(
                    patient, Payer.PATIENT, null, centre, clinicId, providerId, appointmentId, null, serviceDate);
            for (ServiceQuantity line : lines) {
                billing.addService(
                        invoice,
                        patient,
                        line.service(),
                        line.quantity(),
                        line.service().price(),
                        null,
                        null);
            }
            made.add(invoices.save(invoice));
            return made;
        }
        BigDecimal sharePercent = properties.insurancePatientSharePercent();
        Invoice own = billing.draft(
                patient, Payer.PATIENT, coverage.get(), centre, clinicId, providerId, appointmentId, null, serviceDate);
        Invoice insurer = billing.draft(
                patient, Payer.INSURER, coverage.get(), centre, clinicId, providerId, appointmentId, null, serviceDate);
        String percent = sharePercent.stripTrailingZeros().toPlainString();
        for (ServiceQuantity line : lines) {
            BigDecimal price = line.service().price();
            BigDecimal patientShare = Sar.percentOf(price, sharePercent);
            BigDecimal insurerShare = price.subtract(patientShare);
            if (patientShare.signum() > 0) {
                billing.addService(
                        own,
                        patient,
                        line.service(),
                        line.quantity(),
                        patientShare,
                        "(patient share " + percent + " %)",
                        "(حصة المريض " + percent + " ٪)");
            }
            if (insurerShare.signum() > 0) {
                billing.addService(
                        insurer,
                        patient,
                        line.service(),
                        line.quantity(),
                        insurerShare,
                        "(insurer share)",
                        "(حصة شركة التأمين)");
            }
        }
        if (!own.lines().isEmpty()) {
            made.add(invoices.save(own));
        }
        if (!insurer.lines().isEmpty()) {
            made.add(invoices.save(insurer));
        }
        return made;
    }

    /** DRAFT → ISSUED with the next number of the centre's series; the document never changes again. */
    public InvoiceView issue(InvoiceId id) {
        Invoice invoice = lock(id);
        return billing.issue(invoice).view();
    }

    /** Only a draft can be cancelled; an issued invoice is corrected with a credit note. */
    public InvoiceView cancel(InvoiceId id) {
        Invoice invoice = lock(id);
        invoice.cancel(time.now());
        return invoices.save(invoice).view();
    }

    /**
     * Applies a discount to a draft. Its size in percent of what it discounts must be within the largest limit of
     * the caller's roles ({@code tenhal.finance.discount-limits}); above it: 403 {@code discount-above-limit}.
     */
    public InvoiceView discount(InvoiceId id, InvoiceRequests.Discount discount, Collection<String> roles) {
        if ((discount.percent() == null) == (discount.amount() == null)) {
            throw new InvalidFieldsException(List.of(
                    FieldProblem.coded("percent", "discount.percentOrAmount", "give either percent or amount")));
        }
        if (discount.reason() == null || discount.reason().isBlank()) {
            throw new InvalidFieldsException(
                    List.of(FieldProblem.coded("reason", "discount.reasonRequired", "must not be blank")));
        }
        BigDecimal percent = discount.percent() == null ? null : Sar.exact("percent", discount.percent(), false);
        BigDecimal amount = discount.amount() == null ? null : Sar.exact("amount", discount.amount(), false);
        if (percent != null && percent.compareTo(Sar.HUNDRED) > 0) {
            throw new InvalidFieldsException(
                    List.of(FieldProblem.coded("percent", "discount.percentAbove100", "must be at most 100")));
        }
        Invoice invoice = lock(id);
        if (invoice.status() != InvoiceStatus.DRAFT) {
            throw ConflictException.illegalTransition("invoice", invoice.status(), "discount");
        }
        if (discount.line() != null
                && (discount.line() < 1 || discount.line() > invoice.lines().size())) {
            throw new InvalidFieldsException("line", "the invoice has no line " + discount.line());
        }
        BigDecimal base = invoice.discountBase(discount.line());
        if (amount != null && amount.compareTo(base) > 0) {
            throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                            "amount", "discount.aboveBase", "is above the " + Sar.text(base) + " it discounts")))
                    .with("base", base);
        }
        BigDecimal effective = percent != null
                ? percent
                : base.signum() == 0 ? Sar.ZERO : amount.multiply(Sar.HUNDRED).divide(base, 2, RoundingMode.UP);
        BigDecimal limit = roles.stream()
                .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                .map(role -> properties.discountLimits().get(role))
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo)
                .orElse(Sar.ZERO);
        if (effective.compareTo(limit) > 0) {
            throw new DiscountAboveLimit(effective, limit);
        }
        try {
            invoice.discount(discount.line(), percent, amount, discount.reason().strip(), time.now());
        } catch (IllegalArgumentException tooLarge) {
            // e.g. a line discount that leaves less than an earlier invoice discount of a fixed amount
            throw new InvalidFieldsException(List.of(FieldProblem.coded(
                    discount.percent() != null ? "percent" : "amount", "discount.tooLarge", tooLarge.getMessage())));
        }
        return invoices.save(invoice).view();
    }

    /** A credit note reducing what is still owed on an issued invoice (no money moves; see refunds for that). */
    public InvoiceView creditNote(InvoiceId id, InvoiceRequests.CreditNote request) {
        BigDecimal amount = Sar.exact("amount", request.amount(), false);
        Invoice invoice = lock(id);
        if (invoice.kind() == DocumentKind.CREDIT_NOTE || !invoice.payable()) {
            throw ConflictException.illegalTransition("invoice", invoice.status(), "credit");
        }
        if (amount.compareTo(invoice.open()) > 0) {
            throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                            "amount",
                            "creditNote.aboveOwed",
                            "is above the " + Sar.text(invoice.open()) + " still owed; refund paid money instead")))
                    .with("owed", invoice.open());
        }
        Invoice note = invoice.creditNote(amount, request.reason().strip(), time.now());
        invoice.credit(amount, time.today(), time.now());
        invoices.save(invoice);
        return billing.issue(invoices.save(note)).view();
    }

    /** A debit note adding charges to an issued invoice; issued at once and payable on its own. */
    public InvoiceView debitNote(InvoiceId id, InvoiceRequests.DebitNote request) {
        Invoice invoice = lock(id);
        Invoice note = invoice.debitNote(request.reason().strip(), time.now());
        VatTreatment treatment = invoice.lines().get(0).treatment();
        for (int i = 0; i < request.lines().size(); i++) {
            var line = request.lines().get(i);
            note.addLine(
                    null,
                    line.descriptionEn(),
                    line.descriptionAr(),
                    line.quantity() == null ? 1 : line.quantity(),
                    Sar.exact("lines[" + i + "].unitPrice", line.unitPrice(), true),
                    treatment,
                    time.now());
        }
        return billing.issue(invoices.save(note)).view();
    }

    @Transactional(readOnly = true)
    public InvoiceView find(InvoiceId id) {
        return invoices.findById(id.value()).map(Invoice::view).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    @Transactional(readOnly = true)
    public Page<InvoiceView> list(UUID patient, InvoiceStatus status, DocumentKind kind, Pageable page) {
        return invoices.search(patient, status, kind, page).map(Invoice::view);
    }

    /** Issued documents ZATCA has not (yet) accepted: waiting, retrying, refused credentials or rejected. */
    @Transactional(readOnly = true)
    public Page<InvoiceView> notAcceptedByTaxAuthority(Pageable page) {
        TaxDocumentSeal seal = seals.getIfAvailable();
        List<UUID> ids = seal == null ? List.of() : seal.notAccepted();
        if (ids.isEmpty()) {
            return Page.empty(page);
        }
        return invoices.findByIdIn(ids, page).map(Invoice::view);
    }

    /** The invoices of an appointment's visit (the patient's and, when insured, the insurer's share). */
    @Transactional(readOnly = true)
    public List<InvoiceView> ofAppointment(UUID appointmentId) {
        return invoices.findByAppointment(appointmentId).stream()
                .map(Invoice::view)
                .toList();
    }

    /** The notes issued against an invoice. */
    @Transactional(readOnly = true)
    public List<InvoiceView> notesOf(InvoiceId id) {
        return invoices.findByOriginalInvoiceIdOrderByCreatedAtAscIdAsc(id.value()).stream()
                .map(Invoice::view)
                .toList();
    }

    /**
     * The daily overdue check: every open document past its due date becomes OVERDUE, and gets {@link InvoiceOverdue}
     * when the next reminder of the escalation schedule is due. Running it twice a day sends nothing twice. Returns
     * the number of reminders due.
     */
    public int markOverdue() {
        LocalDate today = time.today();
        int reminders = 0;
        for (UUID id : invoices.pastDue(today)) {
            Invoice invoice = invoices.lock(id).orElseThrow();
            if (invoice.checkOverdue(today, properties.overdueReminderDays(), time.now())) {
                events.publishEvent(new InvoiceOverdue(new InvoiceId(id), invoice.remindersIssued(), time.now()));
                reminders++;
            }
            invoices.save(invoice);
        }
        return reminders;
    }

    private Invoice lock(InvoiceId id) {
        return invoices.lock(id.value()).orElseThrow(() -> new NotFoundException("Invoice", id));
    }
}
