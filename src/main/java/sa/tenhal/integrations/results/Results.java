package sa.tenhal.integrations.results;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientIdentification;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.visits.OrderFacts;
import sa.tenhal.visits.VisitRecords;

/**
 * Results as people read and act on them (docs/results.md): one result with its observations and their history, the
 * signed-in clinician's unreviewed results, a patient's results, marking reviewed, and the matching queue. Need to
 * know: a result of a patient is part of their clinical record ({@link PatientData#CLINICAL_RECORD}); a queued
 * result (no patient yet) is the managers' and administrators' (the pages decide the roles). Every read is audited.
 */
@Service
public class Results {

    /** A result as the pages show it. */
    public record ResultView(
            ResultStore.Stored report,
            List<ResultStore.StoredObservation> current,
            List<ResultStore.StoredObservation> history) {}

    private final ResultStore store;
    private final PatientAccess access;
    private final PatientReads reads;
    private final VisitRecords visits;
    private final PatientIdentification identification;
    private final ClinicTime time;

    Results(
            ResultStore store,
            PatientAccess access,
            PatientReads reads,
            VisitRecords visits,
            PatientIdentification identification,
            ClinicTime time) {
        this.store = store;
        this.access = access;
        this.reads = reads;
        this.visits = visits;
        this.identification = identification;
        this.time = time;
    }

    /** One result; audited. A queued one only for whom sees every patient's clinical record. */
    @Transactional(readOnly = true)
    public ResultView view(UUID id) {
        var report = store.find(id).orElseThrow(() -> new NotFoundException("Result", id));
        requireSight(report);
        reads.viewed("Result", id, report.patientId(), "results:view");
        return new ResultView(report, store.current(id), store.history(id));
    }

    /** The PDF of a radiology report; audited. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(UUID id) {
        var report = store.find(id).orElseThrow(() -> new NotFoundException("Result", id));
        requireSight(report);
        reads.viewed("Result", id, report.patientId(), "results:pdf");
        return store.pdf(id);
    }

    /** The results of an order (the visit page links here). */
    @Transactional(readOnly = true)
    public List<ResultStore.Stored> ofOrder(UUID orderId) {
        OrderFacts order = visits.orderFacts(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        access.require(PatientData.CLINICAL_RECORD, order.patientId());
        List<ResultStore.Stored> found = store.ofOrder(orderId);
        reads.listed(
                "Result",
                "results:order",
                found.stream().map(ResultStore.Stored::patientId).toList());
        return found;
    }

    /** The signed-in clinician's unreviewed results (of the orders they placed), critical first; audited. */
    @Transactional(readOnly = true)
    public List<ResultStore.Stored> mine(int limit) {
        UUID me = Actor.currentUserId();
        if (me == null) {
            return List.of();
        }
        List<ResultStore.Stored> found = store.unreviewedFor(me, limit);
        Set<UUID> visible = access.visible(
                PatientData.CLINICAL_RECORD,
                found.stream().map(ResultStore.Stored::patientId).toList());
        List<ResultStore.Stored> shown =
                found.stream().filter(r -> visible.contains(r.patientId())).toList();
        reads.listed(
                "Result",
                "results:mine",
                shown.stream().map(ResultStore.Stored::patientId).toList());
        return shown;
    }

    /**
     * Marks the result reviewed by the signed-in clinician; when it was the last unreviewed result of its order, the
     * order is reviewed too. Idempotent.
     */
    @Transactional
    public void review(UUID id) {
        var report = store.lockById(id).orElseThrow(() -> new NotFoundException("Result", id));
        if (report.patientId() == null) {
            throw new ConflictException(
                    "result-not-matched",
                    "Not matched yet",
                    "A result waiting in the matching queue is attached to its patient before it is reviewed.");
        }
        access.require(PatientData.CLINICAL_RECORD, new PatientId(report.patientId()));
        store.reviewed(id, Actor.currentUserId(), time.now());
        if (report.orderId() != null && store.unreviewedOfOrder(report.orderId()) == 0) {
            visits.resultsReviewed(report.orderId());
        }
    }

    /** The matching queue, oldest first (the managers' page); audited as a list without patients. */
    @Transactional(readOnly = true)
    public List<ResultStore.Stored> queue(int limit) {
        requireEveryone();
        return store.queue(limit);
    }

    public int queued() {
        return store.queued();
    }

    /**
     * A person attaches a queued result to the patient with this record number (and to one of their orders, if
     * given): it is then filed like any other, and the clinician who ordered it is told. Audited as an update.
     */
    @Transactional
    public void attach(UUID id, String mrn, UUID orderId) {
        requireEveryone();
        var report = store.lockById(id).orElseThrow(() -> new NotFoundException("Result", id));
        if (report.matchState() != ResultMatching.State.QUEUED) {
            throw new ConflictException("result-not-queued", "Already attached", "This result is attached already.");
        }
        var candidates = identification.candidates(mrn, null).stream()
                .filter(c -> c.mrn().equalsIgnoreCase(mrn == null ? "" : mrn.strip()))
                .toList();
        if (candidates.size() != 1) {
            throw new InvalidFieldsException("mrn", "no patient has this record number");
        }
        PatientId patient = candidates.get(0).id();
        OrderFacts order = null;
        if (orderId != null) {
            order = visits.orderFacts(orderId)
                    .filter(o -> o.patientId().equals(patient))
                    .orElseThrow(() -> new InvalidFieldsException("order", "is not an order of this patient"));
        }
        store.attach(
                id,
                patient.value(),
                order == null ? null : order.orderId(),
                order == null ? null : order.orderedBy(),
                "attached by " + Actor.current().map(Actor::username).orElse("?"),
                time.now());
        reads.viewed("Result", id, patient.value(), "results:attach");
        visits.resultArrived(
                id,
                order == null ? null : order.orderId(),
                patient,
                report.kind(),
                report.display() != null ? report.display() : report.code(),
                report.flag(),
                false);
    }

    private void requireSight(ResultStore.Stored report) {
        if (report.patientId() == null) {
            requireEveryone();
        } else {
            access.require(PatientData.CLINICAL_RECORD, new PatientId(report.patientId()));
        }
    }

    private void requireEveryone() {
        if (!access.seesEveryone(PatientData.CLINICAL_RECORD)) {
            throw new sa.tenhal.patients.NotYoursToSeeException(PatientData.CLINICAL_RECORD);
        }
    }
}
