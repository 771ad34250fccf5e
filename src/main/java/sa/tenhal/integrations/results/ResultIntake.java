package sa.tenhal.integrations.results;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Ids;
import sa.tenhal.visits.ResultFlag;
import sa.tenhal.visits.VisitRecords;

/**
 * Files results, whatever brought them (the MLLP listener, the FHIR sync): each message in one transaction, so that a
 * message is stored whole or not at all; the same message twice is stored once (its id per source is recorded in the
 * same transaction); a report sent again under another message id adds only what changed (a correction supersedes
 * the observation it corrects, the history stays). A matched result moves its order on and tells the clinician
 * ({@link VisitRecords#resultArrived}); an unmatched one waits in the matching queue.
 */
@Service
public class ResultIntake {

    private static final Logger log = LoggerFactory.getLogger(ResultIntake.class);

    /** What became of a report. */
    enum Outcome {
        FILED,
        UPDATED,
        UNCHANGED,
        DUPLICATE
    }

    private final ResultStore store;
    private final ResultMatching matching;
    private final VisitRecords visits;
    private final ClinicTime time;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final OruReader reader;

    ResultIntake(
            ResultStore store,
            ResultMatching matching,
            VisitRecords visits,
            ClinicTime time,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.matching = matching;
        this.visits = visits;
        this.time = time;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reader = new OruReader(time.zone());
    }

    /**
     * Takes one HL7 v2 message and answers it: {@code AA} when it is stored (or was before), {@code AE} when its
     * content is wrong or it could not be stored now (the sender resends), {@code AR} when it is not a message we take.
     * Never throws; a refused message is kept with the reason.
     */
    public String hl7(String raw) {
        OruReader.Read read;
        try {
            read = reader.read(raw);
        } catch (RuntimeException e) {
            read = new OruReader.Refusal(Hl7Header.of(raw), Ack.AE, "cannot read: " + e.getMessage());
        }
        if (read instanceof OruReader.Refusal refusal) {
            keepRefused(refusal.header(), refusal.code(), refusal.reason(), raw);
            return Ack.of(refusal.header(), refusal.code(), refusal.reason(), time.now(), "R01");
        }
        OruReader.Reports reports = (OruReader.Reports) read;
        Hl7Header header = reports.header();
        try {
            transactions.executeWithoutResult(
                    status -> fileMessage(header.source(), header.controlId(), reports.reports()));
            return Ack.of(header, Ack.AA, null, time.now(), "R01");
        } catch (RuntimeException e) {
            log.warn("HL7 message {} from {} not stored: {}", header.controlId(), header.source(), e.toString());
            String reason = "not stored, send again: " + e.getClass().getSimpleName();
            keepRefused(header, Ack.AE, reason, raw);
            return Ack.of(header, Ack.AE, reason, time.now(), "R01");
        }
    }

    /** Files the reports of one message, once per message id; in the caller's transaction. */
    List<Outcome> fileMessage(String source, String messageId, List<IncomingReport> reports) {
        // the id the first report gets when it is new: result_message names it from the start
        UUID expected = Ids.newId();
        if (messageId != null && !store.firstSight(source, messageId, expected, time.now())) {
            return reports.stream().map(r -> Outcome.DUPLICATE).toList();
        }
        List<Outcome> outcomes = new java.util.ArrayList<>();
        UUID first = null;
        for (IncomingReport report : reports) {
            Filed filed = file(report, first == null ? expected : Ids.newId());
            outcomes.add(filed.outcome());
            first = first == null ? filed.reportId() : first;
        }
        if (messageId != null && !expected.equals(first)) {
            store.linkMessage(source, messageId, first);
        }
        return outcomes;
    }

    record Filed(UUID reportId, Outcome outcome) {}

    /** Files one report in the caller's transaction; {@code newId} is its id if it is new. */
    private Filed file(IncomingReport report, UUID newId) {
        var now = time.now();
        var existing = store.lock(report.source(), report.externalId());
        if (existing.isEmpty()) {
            ResultMatching.Match match = matching.match(report);
            // observations with distinct keys are all current once filed: the report's flag is the worst of theirs
            boolean distinct = distinctKeys(report);
            ResultFlag worst = distinct ? worst(report) : ResultFlag.NORMAL;
            var inserted = store.insert(newId, report, match, worst, now);
            if (inserted.isPresent()) {
                var stored = inserted.get();
                ResultFlag flag = worst;
                if (distinct) {
                    store.firstObservations(stored.id(), report.observations(), now);
                } else {
                    addObservations(stored.id(), report, now);
                    flag = store.reflag(stored.id());
                }
                if (stored.patientId() != null) {
                    tell(stored, flag, false);
                }
                return new Filed(stored.id(), Outcome.FILED);
            }
            // another transaction filed it first (and has committed): this one is a resend of it
            existing = store.lock(report.source(), report.externalId());
        }
        var stored = existing.orElseThrow();
        boolean changed = store.update(stored, report, now);
        changed |= addObservations(stored.id(), report, now);
        if (!changed) {
            return new Filed(stored.id(), Outcome.UNCHANGED);
        }
        ResultFlag flag = store.reflag(stored.id());
        store.unreview(stored.id());
        if (stored.patientId() != null) {
            tell(stored, flag, true);
        }
        return new Filed(stored.id(), Outcome.UPDATED);
    }

    private static boolean distinctKeys(IncomingReport report) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (IncomingReport.Observation o : report.observations()) {
            if (!keys.add(ResultStore.key(o))) {
                return false;
            }
        }
        return true;
    }

    private static ResultFlag worst(IncomingReport report) {
        ResultFlag worst = ResultFlag.NORMAL;
        for (IncomingReport.Observation o : report.observations()) {
            worst = worst.worst(o.flag());
        }
        return worst;
    }

    private boolean addObservations(UUID reportId, IncomingReport report, java.time.Instant now) {
        boolean added = false;
        int position = 0;
        for (IncomingReport.Observation o : report.observations()) {
            added |= store.observation(reportId, o, ++position, now);
        }
        return added;
    }

    private void tell(ResultStore.Stored stored, ResultFlag flag, boolean correction) {
        visits.resultArrived(
                stored.id(),
                stored.orderId(),
                new sa.tenhal.patients.PatientId(stored.patientId()),
                stored.kind(),
                stored.display() != null ? stored.display() : stored.code(),
                flag,
                correction);
    }

    private void keepRefused(Hl7Header header, String code, String reason, String raw) {
        try {
            separately.executeWithoutResult(status -> store.rejected(
                    header == Hl7Header.UNKNOWN ? null : header.source(),
                    header.controlId().isEmpty() ? null : header.controlId(),
                    code,
                    reason,
                    raw,
                    time.now()));
        } catch (RuntimeException e) {
            log.warn("A refused HL7 message could not be kept: {}", e.toString());
        }
    }
}
