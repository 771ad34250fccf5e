package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.finance.ClaimAdjudications;
import sa.tenhal.finance.ClaimOutcome;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.Payer;
import sa.tenhal.finance.PaymentMethod;
import sa.tenhal.finance.PaymentRequests;
import sa.tenhal.finance.Payments;
import sa.tenhal.integrations.nphies.Exchanges.Exchange;
import sa.tenhal.integrations.nphies.Exchanges.Kind;
import sa.tenhal.integrations.nphies.Exchanges.State;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.visits.ClaimCodes;
import sa.tenhal.visits.VisitRecords;

/**
 * NPHIES for insured patients: eligibility checks (on demand and the day before each insured appointment), prior
 * authorisations for the services a payer wants to authorise, claims for insurer invoices (and corrected
 * resubmissions), the poll that brings pended answers and payments. Every message is built, validated — one that fails
 * never leaves, and its problems are kept for the people who fix it — stored, and sent as itself however often it is
 * retried (5xx, timeouts and malformed answers are tried again after a growing wait, by a one-time job and by the
 * {@code submit-nphies-*} sweeps).
 */
@Service
public class Insurance {

    static final OneTimeJob<Void> RETRY = OneTimeJob.of("nphies-message-retry", Void.class);
    private static final Logger log = LoggerFactory.getLogger(Insurance.class);

    private final Exchanges exchanges;
    private final Submissions submissions;
    private final Who who;
    private final Payers payers;
    private final NphiesMessages messages = new NphiesMessages();
    private final org.springframework.beans.factory.ObjectProvider<MessageValidation> validation;
    private final NphiesReader reader;
    private final NphiesTransport transport;
    private final NphiesProperties properties;
    private final ClinicCatalog catalog;
    private final Scheduling scheduling;
    private final Calendar calendar;
    private final VisitRecords visits;
    private final Invoicing invoicing;
    private final ClaimAdjudications adjudications;
    private final Payments payments;
    private final ClinicTime time;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final BigDecimal sharePercent;

    Insurance(
            Exchanges exchanges,
            Submissions submissions,
            Who who,
            Payers payers,
            org.springframework.beans.factory.ObjectProvider<MessageValidation> validation,
            NphiesReader reader,
            NphiesTransport transport,
            NphiesProperties properties,
            ClinicCatalog catalog,
            Scheduling scheduling,
            Calendar calendar,
            VisitRecords visits,
            Invoicing invoicing,
            ClaimAdjudications adjudications,
            Payments payments,
            ClinicTime time,
            Jobs jobs,
            PlatformTransactionManager transactionManager,
            @org.springframework.beans.factory.annotation.Value("${tenhal.finance.insurance-patient-share-percent:20}")
                    BigDecimal sharePercent) {
        this.sharePercent = sharePercent;
        this.exchanges = exchanges;
        this.submissions = submissions;
        this.who = who;
        this.payers = payers;
        this.validation = validation;
        this.reader = reader;
        this.transport = transport;
        this.properties = properties;
        this.catalog = catalog;
        this.scheduling = scheduling;
        this.calendar = calendar;
        this.visits = visits;
        this.invoicing = invoicing;
        this.adjudications = adjudications;
        this.payments = payments;
        this.time = time;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- eligibility

    /** Checks the coverage for an appointment's day now (booking page, desk); 409 when the patient is not insured. */
    public NphiesRecord checkEligibility(AppointmentId appointmentId) {
        AppointmentDetails a = scheduling.get(appointmentId);
        UUID id = transactions.execute(s -> createEligibility(
                        a.patientId().value(), time.local(a.startsAt()).toLocalDate(), a.id().value())
                .orElseThrow(Insurance::notInsured));
        return view(send(id), true);
    }

    /** Checks the coverage for a day (the patient's profile); 409 when the patient is not insured that day. */
    public NphiesRecord checkEligibility(UUID patientId, LocalDate day) {
        UUID id = transactions.execute(
                s -> createEligibility(patientId, day, null).orElseThrow(Insurance::notInsured));
        return view(send(id), true);
    }

    /**
     * The day-before check: every booked or confirmed appointment of an insured patient on the day after today
     * ({@code tenhal.nphies.eligibility-days-ahead}) gets an eligibility request, once per appointment and day however
     * often it runs. Returns how many were sent.
     */
    public int checkUpcoming() {
        LocalDate day = time.today().plusDays(properties.eligibilityDaysAhead());
        Instant from = day.atStartOfDay(time.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(time.zone()).toInstant();
        List<UUID> made = new ArrayList<>();
        int page = 0;
        while (true) {
            var found = calendar.list(
                    null, null, null, null, null, from, to, org.springframework.data.domain.PageRequest.of(page, 200));
            for (AppointmentDetails a : found.getContent()) {
                if (a.status() != AppointmentStatus.BOOKED && a.status() != AppointmentStatus.CONFIRMED) {
                    continue;
                }
                boolean checked = exchanges.ofAppointment(a.id().value()).stream()
                        .anyMatch(e -> e.kind() == Kind.ELIGIBILITY
                                && !time.local(e.createdAt()).toLocalDate().isBefore(time.today()));
                if (checked) {
                    continue;
                }
                transactions
                        .execute(s -> createEligibility(a.patientId().value(), day, a.id().value()))
                        .ifPresent(made::add);
            }
            if (!found.hasNext()) {
                break;
            }
            page++;
        }
        made.forEach(this::sendQuietly);
        return made.size();
    }

    private Optional<UUID> createEligibility(UUID patientId, LocalDate day, UUID appointmentId) {
        PatientDetails patient = who.patient(patientId);
        var coverage = who.coverage(patient, day);
        if (coverage.isEmpty()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant now = time.now();
        var payer = who.payer(coverage.get().payerId());
        if (payer.isEmpty()) {
            return Optional.of(invalid(
                    id,
                    Kind.ELIGIBILITY,
                    patientId,
                    coverage.get(),
                    appointmentId,
                    null,
                    null,
                    null,
                    unknownPayer(coverage.get())));
        }
        String centre = centreOf(appointmentId);
        Bundle bundle = messages.eligibility(
                id, now, who.provider(centre), payer.get().party(), who.member(patient, coverage.get()), day, day);
        return Optional.of(store(
                id, Kind.ELIGIBILITY, bundle, patientId, coverage.get(), appointmentId, null, null, null, null, null));
    }

    // ---- prior authorisation

    /** Whether the patient's payer authorises this service before it is given. */
    public boolean needsAuthorisation(UUID patientId, UUID serviceId, LocalDate day) {
        var coverage = who.coverage(patientId, day);
        if (coverage.isEmpty()) {
            return false;
        }
        ServiceDetails service = catalog.service(new ServiceId(serviceId));
        return payers.requiresAuthorisation(coverage.get().payerId(), service.billingCode());
    }

    /**
     * Requests the payer's authorisation of an appointment's service, unless one is approved, pended or on its way;
     * 409 when the patient is not insured on the day.
     */
    public NphiesRecord requestAuthorisation(AppointmentId appointmentId) {
        UUID id = transactions.execute(s -> {
            exchanges.lockOpening(Kind.PRIOR_AUTH, appointmentId.value());
            if (standingAuthorisation(appointmentId.value()).isPresent()) {
                return null;
            }
            return createAuthorisation(scheduling.get(appointmentId)).orElseThrow(Insurance::notInsured);
        });
        if (id == null) {
            return view(standingAuthorisation(appointmentId.value()).orElseThrow(), true);
        }
        return view(send(id), true);
    }

    /** The appointment's authorisation unless there is none or it cannot stand (invalid, denied, refused). */
    private Optional<Exchange> standingAuthorisation(UUID appointmentId) {
        return currentAuthorisation(appointmentId)
                .filter(e -> !e.state().equals(State.INVALID)
                        && !"DENIED".equals(e.outcome())
                        && e.state() != State.REFUSED);
    }

    /**
     * A booked appointment whose service the payer authorises first gets its request at once (durably: the listener is
     * retried; the {@code submit-nphies-prior-auth} sweep catches what is left).
     */
    void onBooked(AppointmentId appointmentId, UUID patientId, UUID serviceId, java.time.Instant startsAt) {
        // from the event first: for an uninsured patient (most bookings) one read of their coverages is all
        if (!needsAuthorisation(patientId, serviceId, time.local(startsAt).toLocalDate())) {
            return;
        }
        transactions
                .execute(s -> {
                    // whether one exists is read under the lock, where it cannot change before the request is opened
                    exchanges.lockOpening(Kind.PRIOR_AUTH, appointmentId.value());
                    return currentAuthorisation(appointmentId.value()).isPresent()
                            ? Optional.<UUID>empty()
                            : createAuthorisation(scheduling.get(appointmentId));
                })
                .ifPresent(this::sendQuietly);
    }

    private Optional<UUID> createAuthorisation(AppointmentDetails a) {
        LocalDate day = time.local(a.startsAt()).toLocalDate();
        PatientDetails patient = who.patient(a.patientId().value());
        var coverage = who.coverage(patient, day);
        if (coverage.isEmpty()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        var payer = who.payer(coverage.get().payerId());
        if (payer.isEmpty()) {
            return Optional.of(invalid(
                    id,
                    Kind.PRIOR_AUTH,
                    patient.id().value(),
                    coverage.get(),
                    a.id().value(),
                    a.serviceId().value(),
                    null,
                    null,
                    unknownPayer(coverage.get())));
        }
        ClinicDetails clinic = catalog.clinic(a.clinicId());
        ServiceDetails service = catalog.service(a.serviceId());
        BigDecimal price = service.price();
        // the planned service, priced as it will be billed: the insurer's share carries 15 % VAT (docs/finance.md)
        Parties.Item item = plannedItem(service, price, day);
        List<Parties.Diagnosis> diagnoses = knownDiagnoses(a.patientId().value());
        String provisional =
                properties.provisionalDiagnoses().get(clinic.discipline().name());
        if (diagnoses.isEmpty() && provisional != null) {
            diagnoses = List.of(new Parties.Diagnosis(provisional, true));
        }
        String identifier = "auth_" + id;
        Parties.ClaimContent content = new Parties.ClaimContent(
                identifier,
                a.id().value(),
                day,
                false,
                who.practitioner(a.providerId(), clinic),
                diagnoses,
                List.of(item),
                List.of(),
                null);
        Bundle bundle = messages.claim(
                id,
                time.now(),
                true,
                who.provider(clinic.centreCode()),
                payer.get().party(),
                who.member(patient, coverage.get()),
                content);
        return Optional.of(store(
                id,
                Kind.PRIOR_AUTH,
                bundle,
                patient.id().value(),
                coverage.get(),
                a.id().value(),
                a.serviceId().value(),
                null,
                null,
                identifier,
                content.items().get(0).payerShare()));
    }

    private Parties.Item plannedItem(ServiceDetails service, BigDecimal price, LocalDate day) {
        BigDecimal share =
                price.multiply(sharePercent).divide(new BigDecimal("100"), 2, java.math.RoundingMode.HALF_UP);
        BigDecimal tax =
                price.subtract(share).multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Parties.Item(
                1,
                service.insuranceServiceType() == null
                        ? sa.tenhal.clinics.InsuranceServiceType.SERVICES.system()
                        : service.insuranceServiceType().system(),
                service.billingCode() == null ? service.code() : service.billingCode(),
                service.nameEn(),
                1,
                price,
                tax,
                share,
                null,
                day,
                service.id().value());
    }

    /** The patient's coded diagnoses from the latest visit that has any: what a prior authorisation is asked for. */
    private List<Parties.Diagnosis> knownDiagnoses(UUID patientId) {
        return visits.latestDiagnoses(new sa.tenhal.patients.PatientId(patientId)).stream()
                .map(d -> new Parties.Diagnosis(d.code(), d.primary()))
                .toList();
    }

    private Optional<Exchange> currentAuthorisation(UUID appointmentId) {
        return exchanges.ofAppointment(appointmentId).stream()
                .filter(e -> e.kind() == Kind.PRIOR_AUTH)
                .findFirst();
    }

    /**
     * Whether an appointment's service needs an authorisation that it does not have (none approved): reception is
     * warned before it is given.
     */
    public boolean authorisationMissing(AppointmentDetails a) {
        if (a.patientId() == null) {
            return false;
        }
        LocalDate day = time.local(a.startsAt()).toLocalDate();
        if (!needsAuthorisation(a.patientId().value(), a.serviceId().value(), day)) {
            return false;
        }
        return currentAuthorisation(a.id().value())
                .map(e -> !"APPROVED".equals(e.outcome()) && !"PARTLY_APPROVED".equals(e.outcome()))
                .orElse(true);
    }

    // ---- claims

    /**
     * Claims an issued insurer invoice of a visit, once (a second call returns the claim there is): the services
     * performed with their codes, quantities, VAT and patient share, the visit's diagnoses, the encounter, and the
     * authorisations of the appointment.
     */
    public NphiesRecord claim(InvoiceId insurerInvoice) {
        UUID id = transactions.execute(s -> {
            exchanges.lockOpening(Kind.CLAIM, insurerInvoice.value());
            return claimOf(insurerInvoice).isPresent() ? null : createClaim(invoicing.find(insurerInvoice), null);
        });
        if (id == null) {
            return view(claimOf(insurerInvoice).orElseThrow(), true);
        }
        return view(send(id), true);
    }

    /** The invoice's latest claim, if it has one. */
    private Optional<Exchange> claimOf(InvoiceId invoice) {
        return exchanges.ofInvoice(invoice.value()).stream()
                .filter(e -> e.kind() == Kind.CLAIM)
                .findFirst();
    }

    /**
     * Sends a corrected claim in place of a rejected, partly approved, refused or invalid one: rebuilt from the visit
     * record and the invoices as they are now (e.g. a corrected diagnosis, an authorisation obtained since), naming the
     * claim it replaces. 409 when the claim cannot be resubmitted.
     */
    public NphiesRecord resubmit(UUID claimId) {
        Exchange claim = exchanges.find(claimId).orElseThrow(() -> new NotFoundException("Claim", claimId));
        if (!view(claim, false).resubmittable()) {
            throw new ConflictException(
                    "claim-not-resubmittable",
                    "Claim cannot be resubmitted",
                    "only a rejected, partly approved, refused or invalid claim is corrected and sent again");
        }
        UUID id = transactions.execute(s -> {
            // two corrections of one claim at once: the second waits, then finds it superseded
            exchanges.lockOpening(Kind.CLAIM, claim.invoiceId());
            Exchange now = exchanges.find(claimId).orElseThrow();
            if (now.state() == State.SUPERSEDED) {
                return null;
            }
            exchanges.state(claim.id(), State.SUPERSEDED, null, time.now());
            return createClaim(invoicing.find(new InvoiceId(claim.invoiceId())), claim);
        });
        if (id == null) {
            throw new ConflictException(
                    "claim-already-resubmitted",
                    "Claim already resubmitted",
                    "this claim was corrected and sent again a moment ago; its correction is on the invoice");
        }
        return view(send(id), true);
    }

    void onInsurerInvoiceIssued(InvoiceId invoiceId) {
        InvoiceView invoice = invoicing.find(invoiceId);
        if (invoice.payer() != Payer.INSURER || invoice.appointmentId() == null) {
            return;
        }
        UUID id = transactions.execute(s -> {
            exchanges.lockOpening(Kind.CLAIM, invoiceId.value());
            return claimOf(invoiceId).isPresent() ? null : createClaim(invoice, null);
        });
        if (id != null) {
            sendQuietly(id);
        }
    }

    private UUID createClaim(InvoiceView insurer, Exchange replaces) {
        UUID id = UUID.randomUUID();
        PatientDetails patient = who.patient(insurer.patientId());
        var coverage = patient.coverages().stream()
                .filter(c -> c.payerId().equals(insurer.insurerId()))
                .findFirst()
                .orElse(null);
        var payer = who.payer(insurer.insurerId());
        String identifier = "clm_" + id;
        if (coverage == null || payer.isEmpty()) {
            String why = coverage == null
                    ? "the patient has no coverage with payer " + insurer.insurerId() + " any more"
                    : unknownPayer(coverage);
            UUID made = invalid(
                    id,
                    Kind.CLAIM,
                    patient.id().value(),
                    coverage,
                    insurer.appointmentId(),
                    null,
                    insurer.id().value(),
                    replaces == null ? null : replaces.id(),
                    why);
            return made;
        }
        ClinicDetails clinic = catalog.clinic(new sa.tenhal.clinics.ClinicId(insurer.clinicId()));
        InvoiceView own = adjudications.invoicesOfAppointment(insurer.appointmentId()).stream()
                .filter(i -> i.payer() == Payer.PATIENT && i.kind() == insurer.kind())
                .findFirst()
                .orElse(null);
        List<Parties.Item> items = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (InvoiceView.Line line : insurer.lines()) {
            InvoiceView.Line mine = null;
            if (own != null) {
                for (InvoiceView.Line candidate : own.lines()) {
                    if (!used.contains(candidate.position())
                            && java.util.Objects.equals(candidate.serviceId(), line.serviceId())) {
                        mine = candidate;
                        used.add(candidate.position());
                        break;
                    }
                }
            }
            ServiceDetails service = line.serviceId() == null ? null : catalog.service(new ServiceId(line.serviceId()));
            BigDecimal unit = line.unitPrice().add(mine == null ? BigDecimal.ZERO : mine.unitPrice());
            BigDecimal tax = line.vat().add(mine == null ? BigDecimal.ZERO : mine.vat());
            BigDecimal share = mine == null ? BigDecimal.ZERO : mine.total();
            items.add(new Parties.Item(
                    items.size() + 1,
                    service == null || service.insuranceServiceType() == null
                            ? sa.tenhal.clinics.InsuranceServiceType.SERVICES.system()
                            : service.insuranceServiceType().system(),
                    service == null
                            ? "UNCODED"
                            : service.billingCode() == null ? service.code() : service.billingCode(),
                    service == null ? line.descriptionEn() : service.nameEn(),
                    line.quantity(),
                    unit,
                    tax,
                    share,
                    own == null ? null : own.number(),
                    insurer.serviceDate(),
                    line.serviceId()));
        }
        ClaimCodes codes =
                visits.claimCodesOfAppointment(insurer.appointmentId()).orElse(null);
        List<Parties.Diagnosis> diagnoses = codes == null
                ? List.of()
                : codes.diagnoses().stream()
                        .sorted((x, y) -> Boolean.compare(y.primary(), x.primary()))
                        .map(d -> new Parties.Diagnosis(d.code(), d.primary()))
                        .toList();
        List<String> preAuthRefs = exchanges.ofAppointment(insurer.appointmentId()).stream()
                .filter(e -> e.kind() == Kind.PRIOR_AUTH && e.reference() != null)
                .filter(e -> "APPROVED".equals(e.outcome()) || "PARTLY_APPROVED".equals(e.outcome()))
                .map(Exchange::reference)
                .distinct()
                .toList();
        boolean followUp = exchanges.ofPatient(patient.id().value(), 50).stream()
                .anyMatch(
                        e -> e.kind() == Kind.CLAIM && !insurer.appointmentId().equals(e.appointmentId()));
        Parties.ClaimContent content = new Parties.ClaimContent(
                identifier,
                insurer.appointmentId(),
                insurer.serviceDate(),
                followUp,
                who.practitioner(
                        insurer.providerId() == null ? null : new sa.tenhal.clinics.ProviderId(insurer.providerId()),
                        clinic),
                diagnoses,
                items,
                preAuthRefs,
                replaces == null ? null : replaces.claimIdentifier());
        Bundle bundle = messages.claim(
                id,
                time.now(),
                false,
                who.provider(clinic.centreCode()),
                payer.get().party(),
                who.member(patient, coverage),
                content);
        return store(
                id,
                Kind.CLAIM,
                bundle,
                patient.id().value(),
                coverage,
                insurer.appointmentId(),
                null,
                insurer.id().value(),
                replaces == null ? null : replaces.id(),
                identifier,
                insurer.total());
    }

    // ---- the poll

    /**
     * The {@code poll-nphies} job: asks NPHIES, for every centre, what waits for it (pended decisions, payment
     * reconciliations) and applies each, until nothing is left. NPHIES keeps the queue by provider licence, so a
     * licence is polled once however many centres share it (centres without a licence of their own share the
     * configured one). A poll NPHIES does not answer (down, 5xx, malformed) does not keep the other licences from
     * theirs. Returns how many messages it applied.
     */
    public int poll() {
        int applied = 0;
        for (Parties.Provider provider : providersToPoll()) {
            applied += poll(provider);
        }
        return applied;
    }

    /** One provider per NPHIES provider licence the centres send with, in the centres' order. */
    List<Parties.Provider> providersToPoll() {
        java.util.Map<String, Parties.Provider> byLicence = new java.util.LinkedHashMap<>();
        for (var centre : catalog.centres()) {
            Parties.Provider provider = who.provider(centre.code());
            byLicence.putIfAbsent(provider.licence(), provider);
        }
        return List.copyOf(byLicence.values());
    }

    private int poll(Parties.Provider provider) {
        int applied = 0;
        for (int round = 0; round < 20; round++) {
            UUID id = UUID.randomUUID();
            Instant now = time.now();
            Bundle request = messages.poll(id, now, provider);
            NphiesTransport.Answer answer;
            try {
                answer = transport.send(reader.json(request));
            } catch (RuntimeException e) {
                if (Outbound.transient_(e)) {
                    log.warn("NPHIES poll of {} failed: {}", provider.licence(), e.toString());
                    return applied;
                }
                throw e;
            }
            if (Outbound.classify(answer.status()) != Outbound.Kind.ACCEPTED) {
                log.warn("NPHIES poll of {} answered HTTP {}", provider.licence(), answer.status());
                return applied;
            }
            Bundle response;
            try {
                response = reader.parse(answer.body());
            } catch (NphiesReader.Malformed e) {
                log.warn("NPHIES poll answer of {} malformed: {}", provider.licence(), e.getMessage());
                return applied;
            }
            List<Bundle> polled = reader.polled(response);
            for (Bundle message : polled) {
                applied += transactions.execute(s -> applyPolled(message));
            }
            if (polled.isEmpty() || !reader.header(response).queuedMessages()) {
                return applied;
            }
        }
        return applied;
    }

    private int applyPolled(Bundle message) {
        NphiesReader.Header header = reader.header(message);
        if (header.event() == Nphies.Event.PAYMENT_RECONCILIATION) {
            return reader.first(message, PaymentReconciliation.class)
                    .map(p -> post(reader.payment(p), reader.json(message)))
                    .orElse(0);
        }
        var response = reader.first(message, ClaimResponse.class);
        if (response.isEmpty()) {
            return 0;
        }
        NphiesReader.Adjudication adjudication = reader.adjudication(response.get());
        Optional<Exchange> exchange = exchanges.byClaimIdentifier(adjudication.requestIdentifier());
        if (exchange.isEmpty()) {
            log.warn("NPHIES answer for an unknown claim {}", adjudication.requestIdentifier());
            return 0;
        }
        applyAdjudication(exchange.get(), adjudication, reader.json(message));
        return 1;
    }

    /** Posts a payment reconciliation to the insurer invoices of the claims it names, each detail once. */
    private int post(NphiesReader.Payment payment, String json) {
        int posted = 0;
        for (NphiesReader.PaymentDetail detail : payment.details()) {
            Optional<Exchange> claim = exchanges.byClaimIdentifier(detail.claimIdentifier());
            if (claim.isEmpty()
                    || claim.get().invoiceId() == null
                    || detail.amount().signum() <= 0) {
                log.warn("NPHIES payment {} names an unknown claim {}", payment.identifier(), detail.claimIdentifier());
                continue;
            }
            InvoiceView invoice = invoicing.find(new InvoiceId(claim.get().invoiceId()));
            BigDecimal amount = detail.amount().min(invoice.balance());
            if (amount.signum() <= 0) {
                continue;
            }
            String transaction = payment.identifier() + "/" + detail.claimIdentifier();
            try {
                separately.executeWithoutResult(s -> payments.receive(
                        new PaymentRequests.NewPayment(
                                null,
                                invoice.insurerId(),
                                PaymentMethod.INSURANCE_REMITTANCE,
                                amount,
                                "NPHIES " + payment.identifier(),
                                transaction,
                                List.of(new PaymentRequests.Allocate(
                                        invoice.id().value(), amount))),
                        null));
                exchanges.paid(claim.get().id(), amount, time.now());
                posted++;
            } catch (ConflictException duplicate) {
                // this reconciliation was posted before (a poll answer seen twice)
                log.info("NPHIES payment {} already posted", transaction);
            }
        }
        return posted;
    }

    // ---- sending

    /** The submit-nphies-* sweeps: every message of the kind that is due is sent again, as itself. */
    public int sweep(String kind) {
        Kind k = Kind.valueOf(kind);
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> due = submissions.due(partner(k), time.now(), 500);
            due.removeIf(tried::contains);
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                tried.add(id);
                sendQuietly(id);
            }
        }
        return tried.size();
    }

    void sendQuietly(UUID id) {
        try {
            send(id);
        } catch (RuntimeException e) {
            log.warn("NPHIES message {} failed: {}", id, e.toString());
        }
    }

    /** One attempt for one message, in its own transaction; nothing happens if it is answered or being sent. */
    Exchange send(UUID id) {
        return transactions.execute(s -> attempt(id));
    }

    private Exchange attempt(UUID id) {
        Exchange e = exchanges.find(id).orElseThrow(() -> new NotFoundException("NPHIES message", id));
        if (!e.state().open()) {
            return e;
        }
        var submission = submissions.lockOpen(partner(e.kind()), id).orElse(null);
        if (submission == null) {
            return exchanges.find(id).orElseThrow();
        }
        Instant now = time.now();
        exchanges.sent(id, now);
        NphiesTransport.Answer answer;
        try {
            answer = transport.send(e.request());
        } catch (RuntimeException failure) {
            if (!Outbound.transient_(failure) && !(failure.getCause() instanceof java.io.IOException)) {
                throw failure;
            }
            return retry(e, submission, null, "no answer: " + failure.getMessage(), now);
        }
        switch (Outbound.classify(answer.status())) {
            case ACCEPTED -> {
                Bundle response;
                try {
                    response = reader.parse(answer.body());
                    List<String> refused = reader.operationOutcome(response);
                    if (!refused.isEmpty()) {
                        return refuse(e, submission, answer.status(), String.join("\n", refused), answer.body(), now);
                    }
                    reader.header(response);
                } catch (NphiesReader.Malformed malformed) {
                    return retry(e, submission, answer.status(), "malformed answer: " + malformed.getMessage(), now);
                }
                submissions.record(submission.id(), Submissions.State.ACCEPTED, answer.status(), null, null, null, now);
                applyAnswer(e, response, answer.body());
                return exchanges.find(id).orElseThrow();
            }
            case REJECTED -> {
                String why = "HTTP " + answer.status();
                try {
                    List<String> problems = reader.operationOutcome(reader.parse(answer.body()));
                    if (!problems.isEmpty()) {
                        why = String.join("\n", problems);
                    }
                } catch (NphiesReader.Malformed ignored) {
                    // no OperationOutcome: the status says it all
                }
                return refuse(e, submission, answer.status(), why, answer.body(), now);
            }
            case UNAUTHORISED -> {
                return retry(
                        e,
                        submission,
                        answer.status(),
                        "NPHIES refused the centre's certificate (HTTP " + answer.status() + ")",
                        now);
            }
            default -> {
                return retry(e, submission, answer.status(), "HTTP " + answer.status(), now);
            }
        }
    }

    private Exchange retry(Exchange e, Submissions.Submission submission, Integer status, String error, Instant now) {
        Instant next = now.plus(
                Outbound.backoff(submission.attempts() + 1, properties.firstRetry(), properties.maxRetryDelay()));
        submissions.record(submission.id(), Submissions.State.RETRYING, status, error, null, next, now);
        exchanges.state(e.id(), State.RETRYING, error, now);
        jobs.reschedule(RETRY, e.id().toString(), next, null);
        return exchanges.find(e.id()).orElseThrow();
    }

    private Exchange refuse(
            Exchange e, Submissions.Submission submission, int status, String why, String body, Instant now) {
        submissions.record(submission.id(), Submissions.State.REJECTED, status, why, null, null, now);
        exchanges.answered(e.id(), State.REFUSED, "ERROR", null, null, null, why, null, body, now);
        if (e.kind() == Kind.CLAIM && e.invoiceId() != null) {
            record(e, ClaimOutcome.REJECTED, BigDecimal.ZERO, why);
        }
        return exchanges.find(e.id()).orElseThrow();
    }

    private void applyAnswer(Exchange e, Bundle response, String body) {
        Instant now = time.now();
        switch (e.kind()) {
            case ELIGIBILITY -> {
                NphiesReader.EligibilityAnswer a = reader.eligibilityAnswer(response);
                if (!a.errors().isEmpty()) {
                    exchanges.answered(
                            e.id(),
                            State.REFUSED,
                            "ERROR",
                            null,
                            null,
                            null,
                            String.join("\n", a.errors()),
                            null,
                            body,
                            now);
                    return;
                }
                String copay = a.benefits().stream()
                        .filter(b -> b.type() != null && b.type().startsWith("copay"))
                        .map(NphiesReader.Benefit::value)
                        .findFirst()
                        .orElse(null);
                String details = a.benefits().stream()
                        .map(b -> b.type() + ": " + b.value())
                        .collect(Collectors.joining("; "));
                exchanges.answered(
                        e.id(),
                        State.ANSWERED,
                        a.inForce() && !"not-eligible".equals(a.siteEligibility()) ? "ELIGIBLE" : "NOT_ELIGIBLE",
                        null,
                        null,
                        copay,
                        a.disposition(),
                        details,
                        body,
                        now);
            }
            case PRIOR_AUTH, CLAIM -> {
                ClaimResponse r = reader.first(response, ClaimResponse.class)
                        .orElseThrow(() -> new NphiesReader.Malformed("no ClaimResponse in the answer"));
                applyAdjudication(e, reader.adjudication(r), body);
            }
            default -> {}
        }
    }

    private void applyAdjudication(Exchange e, NphiesReader.Adjudication a, String body) {
        Instant now = time.now();
        if (!a.errors().isEmpty() || "error".equals(a.outcome())) {
            String why = String.join("\n", a.errors());
            exchanges.answered(e.id(), State.REFUSED, "ERROR", null, null, null, why, null, body, now);
            if (e.kind() == Kind.CLAIM && e.invoiceId() != null) {
                record(e, ClaimOutcome.REJECTED, BigDecimal.ZERO, why);
            }
            return;
        }
        boolean queued = "queued".equals(a.outcome()) || "pended".equals(a.adjudicationOutcome());
        String outcome;
        if (queued) {
            outcome = "PENDED";
        } else {
            outcome = switch (a.adjudicationOutcome() == null ? a.outcome() : a.adjudicationOutcome()) {
                case "approved", "complete" -> "APPROVED";
                case "partial" -> "PARTLY_APPROVED";
                default -> e.kind() == Kind.PRIOR_AUTH ? "DENIED" : "REJECTED";
            };
        }
        String reasons = a.items().stream()
                .filter(i -> !i.reasons().isEmpty())
                .map(i -> "line " + i.sequence() + ": " + String.join(", ", i.reasons()))
                .collect(Collectors.joining("\n"));
        if (reasons.isBlank()) {
            reasons = a.disposition();
        }
        String details = a.items().stream()
                .map(i -> "line " + i.sequence() + ": eligible " + plain(i.eligible()) + ", benefit "
                        + plain(i.benefit()) + ", patient " + plain(i.copay()))
                .collect(Collectors.joining("\n"));
        exchanges.answered(
                e.id(),
                queued ? State.QUEUED : State.ANSWERED,
                outcome,
                e.kind() == Kind.PRIOR_AUTH ? a.preAuthRef() : null,
                queued ? null : a.benefitTotal(),
                null,
                reasons,
                details,
                body,
                now);
        if (e.kind() == Kind.CLAIM && e.invoiceId() != null) {
            record(e, ClaimOutcome.valueOf(outcome), queued ? null : a.benefitTotal(), reasons);
        }
    }

    private void record(Exchange e, ClaimOutcome outcome, BigDecimal approved, String reasons) {
        BigDecimal claimed = e.claimed() == null ? BigDecimal.ZERO : e.claimed();
        adjudications.record(
                new InvoiceId(e.invoiceId()),
                outcome,
                e.claimIdentifier(),
                claimed,
                approved == null ? null : approved.min(claimed),
                reasons,
                time.now());
    }

    // ---- storing

    private UUID store(
            UUID id,
            Kind kind,
            Bundle bundle,
            UUID patientId,
            PatientDetails.Coverage coverage,
            UUID appointmentId,
            UUID serviceId,
            UUID invoiceId,
            UUID resubmissionOf,
            String claimIdentifier,
            BigDecimal claimed) {
        Instant now = time.now();
        List<MessageValidation.Problem> problems =
                MessageValidation.errors(validation.getObject().validate(bundle));
        String json = reader.json(bundle);
        exchanges.create(
                new Exchange(
                        id,
                        kind,
                        problems.isEmpty() ? State.PENDING : State.INVALID,
                        problems.isEmpty() ? null : "INVALID",
                        patientId,
                        coverage == null ? null : coverage.id(),
                        coverage == null ? null : coverage.payerId(),
                        appointmentId,
                        serviceId,
                        invoiceId,
                        resubmissionOf,
                        claimIdentifier,
                        null,
                        claimed,
                        null,
                        null,
                        null,
                        null,
                        null,
                        problems.isEmpty()
                                ? null
                                : problems.stream()
                                        .map(MessageValidation.Problem::toString)
                                        .collect(Collectors.joining("\n")),
                        json,
                        null,
                        now,
                        null,
                        null),
                now);
        if (problems.isEmpty()) {
            submissions.open(partner(kind), kind.name().toLowerCase(), id, now);
        } else {
            log.warn("NPHIES {} {} failed validation: {} problems", kind, id, problems.size());
        }
        return id;
    }

    private UUID invalid(
            UUID id,
            Kind kind,
            UUID patientId,
            PatientDetails.Coverage coverage,
            UUID appointmentId,
            UUID serviceId,
            UUID invoiceId,
            UUID resubmissionOf,
            String why) {
        Instant now = time.now();
        exchanges.create(
                new Exchange(
                        id,
                        kind,
                        State.INVALID,
                        "INVALID",
                        patientId,
                        coverage == null ? null : coverage.id(),
                        coverage == null ? null : coverage.payerId(),
                        appointmentId,
                        serviceId,
                        invoiceId,
                        resubmissionOf,
                        kind == Kind.CLAIM ? "clm_" + id : null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "error NPHIES: " + why,
                        null,
                        null,
                        now,
                        null,
                        null),
                now);
        return id;
    }

    static String partner(Kind kind) {
        return "nphies-" + kind.name().toLowerCase().replace('_', '-');
    }

    private String centreOf(UUID appointmentId) {
        if (appointmentId != null) {
            AppointmentDetails a = scheduling.get(new AppointmentId(appointmentId));
            return catalog.clinic(a.clinicId()).centreCode();
        }
        return catalog.centres().get(0).code();
    }

    private static String unknownPayer(PatientDetails.Coverage coverage) {
        return "payer " + coverage.payerId() + " (" + coverage.payerName()
                + ") has no NPHIES licence: add it on the NPHIES admin page";
    }

    private static ConflictException notInsured() {
        return new ConflictException(
                "not-insured", "Not insured", "the patient has no insurance coverage in force on the day");
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.toPlainString();
    }

    // ---- reading

    /** An exchange for a person; diagnoses only when {@code withDiagnoses} (finance, on a claim). */
    NphiesRecord view(Exchange e, boolean withDiagnoses) {
        List<String> problems = new ArrayList<>();
        if (e.validationErrors() != null) {
            problems.addAll(List.of(e.validationErrors().split("\n")));
        }
        if (e.state() == State.REFUSED && e.reasons() != null) {
            problems.addAll(List.of(e.reasons().split("\n")));
        }
        List<String> diagnoses = List.of();
        if (withDiagnoses && e.kind() == Kind.CLAIM && e.request() != null) {
            try {
                diagnoses = reader.claim(reader.parse(e.request())).diagnoses();
            } catch (RuntimeException ignored) {
                diagnoses = List.of();
            }
        }
        return new NphiesRecord(
                e.id(),
                e.kind().name(),
                e.state().name(),
                e.outcome(),
                e.patientId(),
                e.payerId(),
                e.appointmentId(),
                e.serviceId(),
                e.invoiceId(),
                e.resubmissionOf(),
                e.kind() == Kind.PRIOR_AUTH ? e.reference() : e.claimIdentifier(),
                e.claimIdentifier(),
                e.claimed(),
                e.approved(),
                e.paid(),
                e.copay(),
                e.reasons(),
                e.details(),
                problems,
                diagnoses,
                e.createdAt(),
                e.answeredAt());
    }

    public Optional<NphiesRecord> find(UUID id) {
        return exchanges.find(id).map(e -> view(e, true));
    }

    /** An appointment's latest eligibility check and prior authorisation (no diagnoses). */
    public List<NphiesRecord> ofAppointment(UUID appointmentId) {
        return exchanges.ofAppointment(appointmentId).stream()
                .filter(e -> e.kind() != Kind.CLAIM)
                .map(e -> view(e, false))
                .toList();
    }

    public Optional<NphiesRecord> latestEligibility(UUID appointmentId) {
        return exchanges.ofAppointment(appointmentId).stream()
                .filter(e -> e.kind() == Kind.ELIGIBILITY)
                .findFirst()
                .map(e -> view(e, false));
    }

    public Optional<NphiesRecord> latestAuthorisation(UUID appointmentId) {
        return currentAuthorisation(appointmentId).map(e -> view(e, false));
    }

    /** A patient's eligibility checks and authorisations, newest first (no claims: those are finance's). */
    public List<NphiesRecord> ofPatient(UUID patientId) {
        return exchanges.ofPatient(patientId, 20).stream()
                .filter(e -> e.kind() != Kind.CLAIM)
                .map(e -> view(e, false))
                .toList();
    }

    /** The claims work-list: newest first, by state or outcome ({@code null}: all). */
    public List<NphiesRecord> claims(String stateOrOutcome, int limit) {
        return exchanges.claims(stateOrOutcome, limit).stream()
                .map(e -> view(e, false))
                .toList();
    }

    /** The claims work-list a page at a time (the API's paged list). */
    public org.springframework.data.domain.Page<NphiesRecord> claims(
            String stateOrOutcome, org.springframework.data.domain.Pageable page) {
        long offset = Math.min(page.getOffset(), Integer.MAX_VALUE);
        List<NphiesRecord> content = exchanges.claims(stateOrOutcome, (int) offset, page.getPageSize()).stream()
                .map(e -> view(e, false))
                .toList();
        return new org.springframework.data.domain.PageImpl<>(content, page, exchanges.countClaims(stateOrOutcome));
    }

    public List<NphiesRecord> claimsOfInvoice(InvoiceId invoiceId) {
        return exchanges.ofInvoice(invoiceId.value()).stream()
                .map(e -> view(e, true))
                .toList();
    }
}
