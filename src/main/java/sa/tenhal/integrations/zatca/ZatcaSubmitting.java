package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.integrations.outbound.Submissions.State;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.JobFailed;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Sends sealed documents to ZATCA: a simplified one is reported, a standard one cleared (and ZATCA's cleared document
 * is what is kept from then on). Every answer is handled — accepted; accepted with warnings (kept); rejected (kept
 * with ZATCA's rule ids and messages: the remedy is a credit note); 401/403 (admins are alerted to renew the CSID);
 * 429, 5xx and timeouts (tried again after a growing wait, by a one-time job and by the nightly sweep). A document is
 * always sent as itself: the same bytes, ICV, UUID and hash however often it is tried. A resubmission ZATCA already
 * has (409) counts as accepted: it is the answer to an attempt whose reply was lost.
 */
@Service
public class ZatcaSubmitting {

    static final OneTimeJob<Void> RETRY = OneTimeJob.of("zatca-submission-retry", Void.class);

    private static final Logger log = LoggerFactory.getLogger(ZatcaSubmitting.class);

    private final Submissions submissions;
    private final SealedDocuments documents;
    private final Units units;
    private final KeyVault vault;
    private final ZatcaApi api;
    private final ZatcaProperties properties;
    private final ClinicTime time;
    private final Jobs jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json = JsonMapper.builder().build();

    ZatcaSubmitting(
            Submissions submissions,
            SealedDocuments documents,
            Units units,
            KeyVault vault,
            ZatcaApi api,
            ZatcaProperties properties,
            ClinicTime time,
            Jobs jobs,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.submissions = submissions;
        this.documents = documents;
        this.units = units;
        this.vault = vault;
        this.api = api;
        this.properties = properties;
        this.time = time;
        this.jobs = jobs;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One attempt for one document, in its own transaction; nothing happens if it is accepted, rejected or busy. */
    public State submit(UUID invoiceId) {
        return transactions.execute(status -> attempt(invoiceId, false));
    }

    /**
     * The first attempt, when the document is issued; nothing happens once it has been tried. An issued document's
     * event can be delivered again — its publication waited in the queue past the time after which it counts as stuck,
     * or its node died after the call — and a document ZATCA did not answer is then RETRYING: it is sent again by the
     * retry job at its time, not at once, which would call a ZATCA already slow ahead of the growing wait.
     */
    public State submitIssued(UUID invoiceId) {
        return transactions.execute(status -> attempt(invoiceId, true));
    }

    /**
     * The {@code submit-zatca-invoices} job: every document ZATCA has not yet accepted and that is due is sent again
     * (401/403 ones too, in case the CSID was renewed). Returns how many were tried.
     */
    public int sweep() {
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> due = submissions.due(ZatcaSeal.PARTNER, time.now(), 500);
            due.removeIf(tried::contains);
            if (due.isEmpty()) {
                break;
            }
            for (UUID id : due) {
                tried.add(id);
                try {
                    submit(id);
                } catch (RuntimeException e) {
                    log.warn("ZATCA submission of {} failed: {}", id, e.toString());
                }
            }
        }
        return tried.size();
    }

    private State attempt(UUID invoiceId, boolean firstOnly) {
        var submission = submissions.lockOpen(ZatcaSeal.PARTNER, invoiceId).orElse(null);
        if (submission != null && firstOnly && submission.tried()) {
            return submission.state();
        }
        if (submission == null) {
            return submissions
                    .find(ZatcaSeal.PARTNER, invoiceId)
                    .map(Submissions.Submission::state)
                    .orElse(null);
        }
        SealedDocuments.Sealed document = documents.find(invoiceId).orElseThrow();
        Unit unit = units.find(document.unitId()).orElseThrow();
        Instant now = time.now();
        ZatcaApi.Answer answer;
        try {
            ZatcaApi.Credentials credentials =
                    new ZatcaApi.Credentials(unit.productionToken(), vault.openText(unit.productionSecret()));
            String uuid = invoiceId.toString();
            answer = document.standard()
                    ? api.clear(credentials, document.hash(), uuid, document.xml())
                    : api.report(credentials, document.hash(), uuid, document.xml());
        } catch (RuntimeException e) {
            if (!Outbound.transient_(e)) {
                throw e;
            }
            return retry(submission, null, "no answer: " + e.getMessage(), now);
        }
        int status = answer.status();
        JsonNode body = answer.body();
        String messages = messages(body);
        if (status == 409) {
            submissions.record(submission.id(), State.ACCEPTED, status, null, messages, null, now);
            return State.ACCEPTED;
        }
        switch (Outbound.classify(status)) {
            case ACCEPTED -> {
                String outcome = document.standard()
                        ? body.path("clearanceStatus").asString("")
                        : body.path("reportingStatus").asString("");
                if (outcome.startsWith("NOT_")) {
                    submissions.record(submission.id(), State.REJECTED, status, outcome, messages, null, now);
                    return State.REJECTED;
                }
                if (document.standard()) {
                    String cleared = body.path("clearedInvoice").asString(null);
                    if (cleared != null && !cleared.isBlank()) {
                        byte[] xml = Base64.getDecoder().decode(cleared);
                        documents.cleared(invoiceId, xml, qrOf(xml));
                    }
                }
                boolean warnings = status == 202
                        || "WARNING"
                                .equals(body.path("validationResults")
                                        .path("status")
                                        .asString(""))
                        || !body.path("validationResults")
                                .path("warningMessages")
                                .isEmpty();
                State state = warnings ? State.ACCEPTED_WITH_WARNINGS : State.ACCEPTED;
                submissions.record(submission.id(), state, status, null, messages, null, now);
                return state;
            }
            case REJECTED -> {
                submissions.record(submission.id(), State.REJECTED, status, "rejected by ZATCA", messages, null, now);
                return State.REJECTED;
            }
            case UNAUTHORISED -> {
                if (submission.state() != State.UNAUTHORISED) {
                    events.publishEvent(new JobFailed(
                            "zatca-submission",
                            invoiceId.toString(),
                            submission.attempts() + 1,
                            "ZATCA refused the CSID of unit " + unit.commonName() + " (HTTP " + status
                                    + "): renew the certificate on /admin/zatca",
                            true,
                            now));
                }
                Instant next = now.plus(backoff(submission.attempts() + 1));
                submissions.record(
                        submission.id(),
                        State.UNAUTHORISED,
                        status,
                        "CSID refused (HTTP " + status + ")",
                        messages,
                        next,
                        now);
                return State.UNAUTHORISED;
            }
            default -> {
                return retry(submission, status, "HTTP " + status, now);
            }
        }
    }

    private State retry(Submissions.Submission submission, Integer status, String error, Instant now) {
        Instant next = now.plus(backoff(submission.attempts() + 1));
        submissions.record(submission.id(), State.RETRYING, status, error, null, next, now);
        jobs.reschedule(RETRY, submission.subjectId().toString(), next, null);
        return State.RETRYING;
    }

    private Duration backoff(int attempt) {
        return Outbound.backoff(attempt, properties.firstRetry(), properties.maxRetryDelay());
    }

    /** ZATCA's info, warning and error messages as a JSON list of {type, code, category, message}. */
    private String messages(JsonNode body) {
        JsonNode results = body.path("validationResults");
        ArrayNode list = json.createArrayNode();
        for (String field : List.of("errorMessages", "warningMessages")) {
            for (JsonNode m : results.path(field)) {
                var item = list.addObject();
                item.put("type", m.path("type").asString(field.startsWith("error") ? "ERROR" : "WARNING"));
                item.put("code", m.path("code").asString(""));
                item.put("category", m.path("category").asString(""));
                item.put("message", m.path("message").asString(""));
            }
        }
        if (list.isEmpty() && body.has("message")) {
            var item = list.addObject();
            item.put("type", "ERROR");
            item.put("code", "");
            item.put("category", "");
            item.put("message", body.path("message").asString(""));
        }
        return list.isEmpty() ? null : json.writeValueAsString(list);
    }

    private static String qrOf(byte[] xml) {
        try {
            var element = Ubl.additionalReference(Ubl.parse(xml), "QR");
            return element == null
                    ? null
                    : Ubl.pathText(element, Ubl.CAC, "Attachment", Ubl.CBC, "EmbeddedDocumentBinaryObject")
                            .strip();
        } catch (Ubl.NotUbl e) {
            return null;
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
