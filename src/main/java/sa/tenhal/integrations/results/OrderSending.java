package sa.tenhal.integrations.results;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.integrations.outbound.Submissions.State;
import sa.tenhal.patients.PatientIdentification;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.visits.OrderFacts;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.VisitRecords;

/**
 * Sends orders to the lab or imaging centre configured for their kind (docs/results.md, Orders out): an HL7 v2.5
 * {@code ORM^O01} over MLLP, waiting for its ACK, or a FHIR {@code ServiceRequest} (a conditional create on our order
 * number, so a retry never makes a second one). Acknowledged ({@code AA}/{@code CA}, 2xx): the order is sent.
 * Rejected ({@code AR}, 4xx): kept as rejected with the lab's reason, shown on the order. No answer, {@code AE}, 5xx:
 * the same message again after a growing wait (a one-time job per order, and the sweep of
 * {@code sync-lab-results}). The state of each order's delivery is one row of {@code integration_submission}.
 */
@Service
public class OrderSending {

    static final String PARTNER = "lab-orders";

    static final OneTimeJob<Void> RETRY = OneTimeJob.of("lab-order-retry", Void.class);

    private static final Logger log = LoggerFactory.getLogger(OrderSending.class);

    private final Submissions submissions;
    private final VisitRecords visits;
    private final PatientIdentification patients;
    private final ResultsProperties properties;
    private final ClinicTime time;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final org.springframework.beans.factory.ObjectProvider<TestLab> testLab;

    OrderSending(
            Submissions submissions,
            VisitRecords visits,
            PatientIdentification patients,
            ResultsProperties properties,
            ClinicTime time,
            Jobs jobs,
            PlatformTransactionManager transactionManager,
            org.springframework.beans.factory.ObjectProvider<TestLab> testLab) {
        this.testLab = testLab;
        this.submissions = submissions;
        this.visits = visits;
        this.patients = patients;
        this.properties = properties;
        this.time = time;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Where orders of this kind go. */
    ResultsProperties.Destination destination(OrderKind kind) {
        var configured = kind == OrderKind.LAB
                ? properties.orders().lab()
                : properties.orders().imaging();
        TestLab lab = testLab.getIfAvailable();
        // the demo's test lab takes the orders no real lab was configured for
        return configured.none() && lab != null ? lab.destination(kind) : configured;
    }

    /** Opens the order's delivery (unless its kind goes nowhere) and makes the first attempt. */
    public void placed(UUID orderId, OrderKind kind) {
        ResultsProperties.Destination to = destination(kind);
        if (to.none()) {
            return;
        }
        submissions.open(PARTNER, "mllp".equals(to.protocol()) ? "ORM^O01" : "ServiceRequest", orderId, time.now());
        // the first attempt only: delivered again (its publication resubmitted), the event leaves an order the lab did
        // not answer to its retry at its time, instead of calling a slow lab ahead of the growing wait
        transactions.execute(status -> attempt(orderId, true));
    }

    /** One attempt, in its own transaction; nothing happens if the order is sent, rejected or another node has it. */
    public State send(UUID orderId) {
        return transactions.execute(status -> attempt(orderId, false));
    }

    /** Every order whose delivery is due (a retry whose job was lost, a node that died mid-send). */
    public int sweep() {
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> due = new java.util.ArrayList<>(submissions.due(PARTNER, time.now(), 200));
            due.removeIf(tried::contains);
            if (due.isEmpty()) {
                return tried.size();
            }
            for (UUID id : due) {
                tried.add(id);
                try {
                    send(id);
                } catch (RuntimeException e) {
                    log.warn("Order {} not sent: {}", id, e.toString());
                }
            }
        }
    }

    /** The delivery of an order, for the order's page: state, attempts, the lab's last word. */
    public Optional<Submissions.Submission> delivery(UUID orderId) {
        return submissions.find(PARTNER, orderId);
    }

    private State attempt(UUID orderId, boolean firstOnly) {
        var submission = submissions.lockOpen(PARTNER, orderId).orElse(null);
        if (submission != null && firstOnly && submission.tried()) {
            return submission.state();
        }
        if (submission == null) {
            return submissions
                    .find(PARTNER, orderId)
                    .map(Submissions.Submission::state)
                    .orElse(null);
        }
        OrderFacts order = visits.orderFacts(orderId).orElseThrow();
        var patient = patients.candidate(order.patientId()).orElseThrow();
        ResultsProperties.Destination to = destination(order.kind());
        Instant now = time.now();
        Duration timeout = properties.orders().timeout();
        try {
            if ("mllp".equals(to.protocol())) {
                String ack = Mllp.exchange(
                        to.host(), to.port(), OrderMessages.orm(order, patient, to, time.zone()), timeout, timeout);
                String[] msa = OrderMessages.msa(ack);
                String code = msa == null ? "" : msa[0];
                if (code.equals("AA") || code.equals("CA")) {
                    return accepted(submission, order, null, now);
                }
                if (code.equals("AR") || code.equals("CR")) {
                    submissions.record(
                            submission.id(),
                            State.REJECTED,
                            null,
                            "the lab rejected it (" + code + "): " + error(ack),
                            null,
                            null,
                            now);
                    return State.REJECTED;
                }
                return retry(
                        submission,
                        null,
                        "the lab answered " + (code.isEmpty() ? "no MSA" : code) + ": " + error(ack),
                        now);
            }
            if ("fhir".equals(to.protocol())) {
                String body = Fhir.CONTEXT
                        .newJsonParser()
                        .encodeResourceToString(OrderMessages.serviceRequest(order, patient));
                var response = Outbound.client(to.baseUrl(), timeout, timeout)
                        .post()
                        .uri("/ServiceRequest")
                        .header("Content-Type", "application/fhir+json")
                        .header("If-None-Exist", "identifier=" + OrderMessages.ORDER_SYSTEM + "|" + orderId)
                        .body(body)
                        .retrieve()
                        .onStatus(s -> true, (req, res) -> {})
                        .toEntity(String.class);
                int status = response.getStatusCode().value();
                return switch (Outbound.classify(status)) {
                    case ACCEPTED -> accepted(submission, order, status, now);
                    case REJECTED, UNAUTHORISED -> {
                        submissions.record(
                                submission.id(),
                                State.REJECTED,
                                status,
                                "HTTP " + status,
                                response.getBody(),
                                null,
                                now);
                        yield State.REJECTED;
                    }
                    case RETRY -> retry(submission, status, "HTTP " + status, now);
                };
            }
            submissions.record(
                    submission.id(), State.REJECTED, null, "no destination: " + to.protocol(), null, null, now);
            return State.REJECTED;
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof RuntimeException r && !Outbound.transient_(r)) {
                throw r;
            }
            return retry(submission, null, "no answer: " + e.getMessage(), now);
        }
    }

    private State accepted(Submissions.Submission submission, OrderFacts order, Integer status, Instant now) {
        submissions.record(submission.id(), State.ACCEPTED, status, null, null, null, now);
        visits.orderSent(order.orderId());
        return State.ACCEPTED;
    }

    private State retry(Submissions.Submission submission, Integer status, String error, Instant now) {
        Instant next = now.plus(Outbound.backoff(
                submission.attempts() + 1,
                properties.orders().firstRetry(),
                properties.orders().maxRetryDelay()));
        submissions.record(submission.id(), State.RETRYING, status, error, null, next, now);
        jobs.reschedule(RETRY, submission.subjectId().toString(), next, null);
        return State.RETRYING;
    }

    private static String error(String ack) {
        for (String segment : ack.split("[\r\n]+")) {
            if (segment.startsWith("ERR") || segment.startsWith("MSA")) {
                String[] f = segment.split("\\|", -1);
                String text = segment.startsWith("MSA") ? (f.length > 3 ? f[3] : "") : (f.length > 8 ? f[8] : "");
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return "";
    }
}
