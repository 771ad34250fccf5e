package sa.tenhal.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.shared.Language;

/**
 * The visit record (docs/visits.md): one per appointment, opened when the visit starts. Clinicians of the patient's
 * care team read and write it ({@link PatientData#CLINICAL_RECORD}); finance reads only what a claim needs
 * ({@link PatientData#CLAIM_CODES}); every read by a person is audited ({@link PatientReads}) and every change is an
 * event the audit trail records.
 *
 * <p>Which role may do what (write a note, sign, record vitals, diagnose, order) is decided where a person asks (the
 * API and the pages); this service decides for which patients: the care team, or everyone for the roles that reach
 * everyone.
 */
@Service
public class VisitRecords {

    private final VisitStore store;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final NoteTemplates templates;
    private final Icd10Codes codes;
    private final PatientAccess access;
    private final PatientReads reads;
    private final StaffDirectory staff;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;

    VisitRecords(
            VisitStore store,
            Scheduling scheduling,
            ClinicCatalog catalog,
            NoteTemplates templates,
            Icd10Codes codes,
            PatientAccess access,
            PatientReads reads,
            StaffDirectory staff,
            ClinicTime time,
            ApplicationEventPublisher events) {
        this.store = store;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.templates = templates;
        this.codes = codes;
        this.access = access;
        this.reads = reads;
        this.staff = staff;
        this.time = time;
        this.events = events;
    }

    // --- opening

    /**
     * The record of an appointment's visit, opened now if it is not yet (idempotent): the appointment must be under
     * way or done (arrived, in progress, completed). The note is prefilled from the discipline's template, and the
     * booked service is the one performed until someone changes it.
     */
    @Transactional
    public VisitId open(AppointmentId appointmentId) {
        var existing = store.forAppointment(appointmentId.value());
        if (existing.isPresent()) {
            access.require(PatientData.CLINICAL_RECORD, existing.get().patientId);
            return new VisitId(existing.get().id);
        }
        AppointmentDetails appointment = scheduling.get(appointmentId);
        access.require(PatientData.CLINICAL_RECORD, appointment.patientId());
        if (appointment.status() != AppointmentStatus.ARRIVED
                && appointment.status() != AppointmentStatus.IN_PROGRESS
                && appointment.status() != AppointmentStatus.COMPLETED) {
            throw new ConflictException(
                    "visit-not-started",
                    "The visit has not started",
                    "A visit record opens when the patient has arrived; this appointment is " + appointment.status()
                            + ".");
        }
        return new VisitId(openFor(appointment).id);
    }

    /** Opens the record for an appointment that started (the system's reaction to {@code AppointmentStarted}). */
    @Transactional
    public void openForStarted(AppointmentId appointmentId) {
        if (store.forAppointment(appointmentId.value()).isEmpty()) {
            openFor(scheduling.get(appointmentId));
        }
    }

    private VisitRecord openFor(AppointmentDetails appointment) {
        ClinicDetails clinic = catalog.clinic(appointment.clinicId());
        Instant now = time.now();
        VisitRecord record = VisitRecord.open(
                appointment.id().value(),
                appointment.patientId(),
                clinic.id().value(),
                appointment.providerId() == null
                        ? null
                        : appointment.providerId().value(),
                appointment.serviceId() == null ? null : appointment.serviceId().value(),
                clinic.discipline(),
                appointment.startedAt() != null ? appointment.startedAt() : appointment.startsAt(),
                templates.noteFor(clinic.discipline()),
                Actor.currentUserId(),
                now);
        if (!store.insert(record)) {
            // opened at the same moment by someone else (or the start of the visit): that one is the record
            return store.forAppointment(appointment.id().value()).orElseThrow();
        }
        if (appointment.serviceId() != null) {
            store.replaceServices(
                    record.id,
                    List.of(new PerformedService(appointment.serviceId().value(), 1)));
        }
        publish(record);
        return record;
    }

    // --- reading

    /** One visit record for a person to read: the care team's, audited. */
    @Transactional(readOnly = true)
    public VisitView view(VisitId id) {
        VisitRecord record = load(id);
        access.require(PatientData.CLINICAL_RECORD, record.patientId);
        reads.viewed("VisitRecord", record.id, record.patientId.value(), "visit");
        return viewOf(record);
    }

    /** The record of an appointment's visit, if it has one (for a person: checked and audited like {@link #view}). */
    @Transactional(readOnly = true)
    public java.util.Optional<VisitView> forAppointment(AppointmentId appointment) {
        return store.forAppointment(appointment.value()).map(record -> {
            access.require(PatientData.CLINICAL_RECORD, record.patientId);
            reads.viewed("VisitRecord", record.id, record.patientId.value(), "visit");
            return viewOf(record);
        });
    }

    /** What a claim needs of a visit (finance, and whoever reads the record): codes, never the note. */
    @Transactional(readOnly = true)
    public ClaimCodes claimCodes(VisitId id) {
        VisitRecord record = load(id);
        access.require(PatientData.CLAIM_CODES, record.patientId);
        reads.viewed("VisitRecord", record.id, record.patientId.value(), "claim-codes");
        return claimCodesOf(record);
    }

    /**
     * What a claim needs of an appointment's visit, if it has a record: codes, never the note (CLAIM_CODES reach:
     * finance, the care team, the system's own claims), audited like {@link #claimCodes(VisitId)}.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ClaimCodes> claimCodesOfAppointment(UUID appointmentId) {
        return store.forAppointment(appointmentId).map(record -> {
            access.require(PatientData.CLAIM_CODES, record.patientId);
            reads.viewed("VisitRecord", record.id, record.patientId.value(), "claim-codes");
            return claimCodesOf(record);
        });
    }

    /**
     * The coded diagnoses of the patient's most recent visit that has any (primary first), for a prior authorisation
     * request: codes only (CLAIM_CODES reach), audited.
     */
    @Transactional(readOnly = true)
    public List<ClaimCodes.Diagnosis> latestDiagnoses(PatientId patient) {
        access.require(PatientData.CLAIM_CODES, patient);
        List<ClaimCodes.Diagnosis> found = store.latestDiagnoses(patient.value()).stream()
                .map(d -> new ClaimCodes.Diagnosis(DiagnosisView.SYSTEM, d.code(), d.primary()))
                .toList();
        if (!found.isEmpty()) {
            reads.viewed("PatientClinicalRecord", patient.value(), patient.value(), "claim-codes");
        }
        return found;
    }

    /** The patient's visits, newest first, a page at a time (the API's timeline). */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(PatientId patient, int page, int size) {
        access.require(PatientData.CLINICAL_RECORD, patient);
        reads.viewed("PatientClinicalRecord", patient.value(), patient.value(), "visit-timeline");
        return store.timeline(patient.value(), page * size, size);
    }

    @Transactional(readOnly = true)
    public List<ProblemView> problems(PatientId patient) {
        access.require(PatientData.CLINICAL_RECORD, patient);
        reads.viewed("PatientClinicalRecord", patient.value(), patient.value(), "problem-list");
        return store.problems(patient.value());
    }

    @Transactional(readOnly = true)
    public List<VitalsView> vitals(PatientId patient) {
        access.require(PatientData.CLINICAL_RECORD, patient);
        reads.viewed("PatientClinicalRecord", patient.value(), patient.value(), "vitals");
        return store.vitalsOfPatient(patient.value());
    }

    /**
     * The unsigned notes of the visits these providers saw, oldest first, for "My day". Lists no patient name: the
     * page names them through the appointments it already shows (and audits).
     */
    @Transactional(readOnly = true)
    public List<UnsignedNote> unsigned(java.util.Collection<UUID> providers) {
        return store.unsigned(providers);
    }

    /**
     * The services performed in an appointment's visit, for billing (the system's read, not a person's): empty when
     * the visit has no record, and the booked service is billed.
     */
    @Transactional(readOnly = true)
    public List<PerformedService> performedServices(UUID appointmentId) {
        return store.forAppointment(appointmentId)
                .map(record -> store.services(record.id))
                .orElse(List.of());
    }

    // --- the note

    /** Writes the note (refused once signed, or stale when someone else saved it since {@code expectedVersion}). */
    @Transactional
    public VisitView writeNote(VisitId id, long expectedVersion, NoteContent content) {
        VisitRecord record = lockForChange(id);
        record.write(content, time.now());
        store.update(record, expectedVersion);
        publish(record);
        return viewOf(record);
    }

    /** Signs the note as the acting clinician; it is locked from now on. */
    @Transactional
    public VisitView sign(VisitId id) {
        VisitRecord record = lockForChange(id);
        UUID user = Actor.currentUserId();
        record.sign(user, nameOf(user), time.now());
        store.update(record, record.version);
        publish(record);
        return viewOf(record);
    }

    /** An addendum to a signed note, with who and when. */
    @Transactional
    public VisitView addendum(VisitId id, String text) {
        VisitRecord record = lockForChange(id);
        UUID user = Actor.currentUserId();
        VisitRecord.Addendum addendum = record.addendum(text, user, nameOf(user), time.now());
        store.insertAddendum(record.id, addendum);
        store.update(record, record.version);
        publish(record);
        return viewOf(record);
    }

    // --- vitals

    /** Records a measuring of vitals (refused outside the plausible ranges, naming the field). */
    @Transactional
    public VitalsView recordVitals(VisitId id, Vitals vitals, Instant measuredAt) {
        VisitRecord record = lockForChange(id);
        Instant now = time.now();
        Instant at = measuredAt == null ? now : measuredAt;
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidFieldsException("measuredAt", "must not be in the future");
        }
        UUID vitalsId = store.insertVitals(record.id, record.patientId.value(), at, vitals, Actor.currentUserId());
        events.publishEvent(
                new VitalsRecorded(new VisitId(record.id), vitalsId, record.patientId, vitals.measured(), now));
        return new VitalsView(vitalsId, record.id, at, vitals);
    }

    // --- diagnoses and the problem list

    /**
     * Records a coded diagnosis; a new primary makes the former one secondary. The code joins the patient's problem
     * list (if not active on it already). Referral rules react to the {@link DiagnosisRecorded} event.
     */
    @Transactional
    public DiagnosisView diagnose(VisitId id, String code, boolean primary) {
        VisitRecord record = lockForChange(id);
        if (record.signed()) {
            throw new ConflictException(
                    "note-signed", "The note is signed", "A signed visit's diagnoses are locked: add an addendum.");
        }
        Icd10Code known =
                codes.find(code).orElseThrow(() -> new InvalidFieldsException("code", "is not a known ICD-10 code"));
        if (store.hasDiagnosis(record.id, known.code())) {
            throw new ConflictException(
                    "diagnosis-recorded", "Already recorded", known.code() + " is recorded in this visit already.");
        }
        Instant now = time.now();
        UUID diagnosisId =
                store.insertDiagnosis(record.id, record.patientId.value(), known, primary, now, Actor.currentUserId());
        store.addProblem(
                record.patientId.value(), known, time.local(record.visitAt).toLocalDate(), record.id);
        events.publishEvent(new DiagnosisRecorded(
                new VisitId(record.id),
                diagnosisId,
                record.patientId,
                record.clinicId,
                record.providerId,
                known.code(),
                primary,
                now));
        return store.diagnosis(diagnosisId).orElseThrow();
    }

    /** Removes a diagnosis recorded by mistake, while the note is unsigned. */
    @Transactional
    public void removeDiagnosis(VisitId id, UUID diagnosisId) {
        VisitRecord record = lockForChange(id);
        DiagnosisView diagnosis = store.diagnosis(diagnosisId)
                .filter(d -> d.visitId().equals(record.id))
                .orElseThrow(() -> new NotFoundException("Diagnosis", diagnosisId));
        if (record.signed()) {
            throw new ConflictException(
                    "note-signed", "The note is signed", "A signed visit's diagnoses are locked: add an addendum.");
        }
        store.deleteDiagnosis(diagnosisId);
        events.publishEvent(new DiagnosisRemoved(
                new VisitId(record.id), diagnosisId, record.patientId, diagnosis.code(), time.now()));
    }

    /** Resolves a problem of the patient's list on a date (today or earlier, not before it began). */
    @Transactional
    public ProblemView resolveProblem(PatientId patient, UUID problemId, LocalDate on) {
        access.require(PatientData.CLINICAL_RECORD, patient);
        ProblemView problem = store.problem(problemId, patient.value())
                .orElseThrow(() -> new NotFoundException("Problem", problemId));
        if (!problem.active()) {
            throw new ConflictException(
                    "problem-resolved",
                    "Already resolved",
                    "This problem was resolved on " + problem.resolvedOn() + ".");
        }
        LocalDate date = on == null ? time.today() : on;
        if (date.isAfter(time.today()) || date.isBefore(problem.since())) {
            throw new InvalidFieldsException("resolvedOn", "must be between the problem's start and today");
        }
        store.resolveProblem(problemId, date, Actor.currentUserId());
        events.publishEvent(new ProblemResolved(problemId, patient, problem.code(), date, time.now()));
        return store.problem(problemId, patient.value()).orElseThrow();
    }

    // --- services performed

    /**
     * Sets what was performed in the visit (finance bills these): services of the visit's clinic, each at most once,
     * at least one.
     */
    @Transactional
    public List<PerformedService> performed(VisitId id, List<PerformedService> services) {
        VisitRecord record = lockForChange(id);
        if (services == null || services.isEmpty()) {
            throw new InvalidFieldsException("services", "must name at least one service");
        }
        Map<UUID, PerformedService> unique = new LinkedHashMap<>();
        var known = catalog.services(
                services.stream().map(s -> new ServiceId(s.serviceId())).toList());
        for (int i = 0; i < services.size(); i++) {
            PerformedService s = services.get(i);
            var service = known.get(new ServiceId(s.serviceId()));
            if (service == null || !service.clinicId().value().equals(record.clinicId)) {
                throw new InvalidFieldsException("services[" + i + "].serviceId", "is not a service of this clinic");
            }
            if (unique.put(s.serviceId(), s) != null) {
                throw new InvalidFieldsException("services[" + i + "].serviceId", "is named twice");
            }
        }
        List<PerformedService> list = new ArrayList<>(unique.values());
        store.replaceServices(record.id, list);
        events.publishEvent(new ServicesPerformed(
                new VisitId(record.id),
                record.patientId,
                list.stream().map(PerformedService::serviceId).toList(),
                time.now()));
        return store.services(record.id);
    }

    // --- orders

    /** Places a laboratory (LOINC) or imaging (procedure code) order. */
    @Transactional
    public OrderView order(VisitId id, OrderKind kind, String code, String display, String note) {
        VisitRecord record = lockForChange(id);
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (kind == null) {
            throw new InvalidFieldsException("kind", "must be LAB or IMAGING");
        }
        if (kind == OrderKind.LAB && !normalised.matches("[0-9]{1,7}-[0-9]")) {
            throw new InvalidFieldsException("code", "must be a LOINC code, e.g. 718-7");
        }
        if (kind == OrderKind.IMAGING && !normalised.matches("[A-Z0-9][A-Z0-9.-]{1,19}")) {
            throw new InvalidFieldsException("code", "must be an imaging procedure code");
        }
        if (display == null || display.isBlank() || display.length() > 300) {
            throw new InvalidFieldsException("display", "must be 1 to 300 characters");
        }
        if (note != null && note.length() > 1000) {
            throw new InvalidFieldsException("note", "must be at most 1000 characters");
        }
        Instant now = time.now();
        UUID orderId = store.insertOrder(
                record.id,
                record.patientId.value(),
                kind,
                normalised,
                display.strip(),
                note == null || note.isBlank() ? null : note.strip(),
                now,
                Actor.currentUserId());
        events.publishEvent(new OrderPlaced(orderId, new VisitId(record.id), record.patientId, kind, normalised, now));
        return store.order(orderId).orElseThrow();
    }

    /** Moves an order one step on: ordered → sent → resulted → reviewed. */
    @Transactional
    public OrderView advance(UUID orderId, OrderStatus to) {
        OrderView order = store.order(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        VisitRecord record = lockForChange(new VisitId(order.visitId()));
        if (to == null || order.status().next() != to) {
            throw ConflictException.illegalTransition("order", order.status(), String.valueOf(to));
        }
        Instant now = time.now();
        if (!store.advanceOrder(orderId, order.status(), to, now, Actor.currentUserId())) {
            throw ConflictException.illegalTransition("order", order.status(), String.valueOf(to));
        }
        events.publishEvent(new OrderStatusChanged(orderId, new VisitId(record.id), record.patientId, to, now));
        return store.order(orderId).orElseThrow();
    }

    /** The facts of an order for the system (sending it, filing its result); nothing a person reads. */
    public java.util.Optional<OrderFacts> orderFacts(UUID orderId) {
        return store.orderFacts(orderId);
    }

    /**
     * The system sent the order to the lab or imaging centre (it acknowledged it). Idempotent: an order already past
     * ordered stays where it is.
     */
    @Transactional
    public void orderSent(UUID orderId) {
        OrderFacts order = store.orderFacts(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        Instant now = time.now();
        if (order.status() == OrderStatus.ORDERED
                && store.advanceOrder(orderId, OrderStatus.ORDERED, OrderStatus.SENT, now, null)) {
            events.publishEvent(
                    new OrderStatusChanged(orderId, order.visitId(), order.patientId(), OrderStatus.SENT, now));
        }
    }

    /**
     * A result was filed (by the results integration): the order, if there is one, moves to resulted (through sent
     * when the lab answered before its acknowledgement was recorded) and keeps the worst flag; a correction of a result
     * already reviewed sends the order back to resulted, so that it is reviewed again. Everyone concerned is told by
     * {@link ResultArrived}.
     */
    @Transactional
    public void resultArrived(
            UUID resultId,
            UUID orderId,
            PatientId patient,
            OrderKind kind,
            String test,
            ResultFlag flag,
            boolean correction) {
        Instant now = time.now();
        UUID clinician = null;
        if (orderId != null) {
            OrderFacts order = store.orderFacts(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
            clinician = order.orderedBy();
            orderSent(orderId);
            OrderStatus status = store.orderFacts(orderId).orElseThrow().status();
            if (status == OrderStatus.SENT || status == OrderStatus.REVIEWED) {
                store.reopenResulted(orderId, status, now);
                events.publishEvent(
                        new OrderStatusChanged(orderId, order.visitId(), order.patientId(), OrderStatus.RESULTED, now));
            }
            store.flagOrder(orderId, flag);
        }
        events.publishEvent(
                new ResultArrived(resultId, orderId, patient, clinician, kind, test, flag, correction, now));
    }

    /** The order's results were reviewed by the signed-in clinician: the order moves to reviewed. Idempotent. */
    @Transactional
    public void resultsReviewed(UUID orderId) {
        OrderFacts order = store.orderFacts(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        access.require(PatientData.CLINICAL_RECORD, order.patientId());
        Instant now = time.now();
        if (order.status() == OrderStatus.RESULTED
                && store.advanceOrder(
                        orderId, OrderStatus.RESULTED, OrderStatus.REVIEWED, now, Actor.currentUserId())) {
            events.publishEvent(
                    new OrderStatusChanged(orderId, order.visitId(), order.patientId(), OrderStatus.REVIEWED, now));
        }
    }

    /**
     * Orders whose result is critical and that no one has reviewed yet (the desk shows them), among the patients the
     * signed-in user may see the clinical record of.
     */
    @Transactional(readOnly = true)
    public List<OrderFacts> criticalUnreviewed(int limit) {
        List<OrderFacts> all = store.criticalUnreviewed(limit);
        var visible = access.visible(
                PatientData.CLINICAL_RECORD,
                all.stream().map(o -> o.patientId().value()).toList());
        List<OrderFacts> shown = all.stream()
                .filter(o -> visible.contains(o.patientId().value()))
                .toList();
        reads.listed(
                "VisitOrder",
                "results:critical",
                shown.stream().map(o -> o.patientId().value()).toList());
        return shown;
    }

    // --- helpers

    private VisitRecord load(VisitId id) {
        return store.find(id.value()).orElseThrow(() -> new NotFoundException("Visit record", id.value()));
    }

    private VisitRecord lockForChange(VisitId id) {
        VisitRecord record =
                store.lock(id.value()).orElseThrow(() -> new NotFoundException("Visit record", id.value()));
        access.require(PatientData.CLINICAL_RECORD, record.patientId);
        return record;
    }

    private String nameOf(UUID user) {
        if (user == null) {
            return null;
        }
        return staff.find(new UserId(user)).map(m -> m.fullName(Language.EN)).orElse(null);
    }

    private void publish(VisitRecord record) {
        record.drainEvents().forEach(events::publishEvent);
    }

    VisitView viewOf(VisitRecord r) {
        return new VisitView(
                r.id,
                r.appointmentId,
                r.patientId.value(),
                r.clinicId,
                r.providerId,
                r.serviceId,
                r.discipline,
                r.kind,
                r.visitAt,
                r.note,
                r.signed(),
                r.signedAt,
                r.signedBy,
                r.signedByName,
                r.addenda.stream()
                        .map(a -> new VisitView.AddendumView(
                                a.id(), a.text(), a.writtenAt(), a.writtenBy(), a.writtenByName()))
                        .toList(),
                store.vitalsOfVisit(r.id),
                store.diagnosesOfVisit(r.id),
                store.services(r.id),
                store.ordersOfVisit(r.id),
                r.version);
    }

    private ClaimCodes claimCodesOf(VisitRecord r) {
        return new ClaimCodes(
                r.id,
                r.appointmentId,
                r.patientId.value(),
                r.visitAt,
                store.diagnosesOfVisit(r.id).stream()
                        .map(d -> new ClaimCodes.Diagnosis(DiagnosisView.SYSTEM, d.code(), d.primary()))
                        .toList(),
                store.services(r.id),
                store.ordersOfVisit(r.id).stream()
                        .map(o -> new ClaimCodes.Order(o.kind(), o.system(), o.code()))
                        .toList());
    }
}
