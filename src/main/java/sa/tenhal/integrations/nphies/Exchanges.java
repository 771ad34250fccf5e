package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every NPHIES message Tenhal sends and what came of it ({@code nphies_message}): the request as sent (so a retry sends
 * the same bytes), the answer, and the decision read from it.
 */
@Repository
class Exchanges {

    enum Kind {
        ELIGIBILITY,
        PRIOR_AUTH,
        CLAIM,
        POLL
    }

    /** Where a message stands. */
    enum State {
        /** Failed validation: never left; finance (or reception) sees why. */
        INVALID,
        /** Waiting to be sent (or sent again). */
        PENDING,
        /** Sending failed (5xx, timeout, malformed answer): the same message is sent again later. */
        RETRYING,
        /** NPHIES took it and the payer will answer later, through the poll. */
        QUEUED,
        /** Answered: see the outcome. */
        ANSWERED,
        /** NPHIES refused the message itself (4xx, OperationOutcome, business errors). */
        REFUSED,
        /** Replaced by a corrected resubmission. */
        SUPERSEDED;

        boolean open() {
            return this == PENDING || this == RETRYING;
        }
    }

    record Exchange(
            UUID id,
            Kind kind,
            State state,
            String outcome,
            UUID patientId,
            UUID coverageId,
            String payerId,
            UUID appointmentId,
            UUID serviceId,
            UUID invoiceId,
            UUID resubmissionOf,
            String claimIdentifier,
            String reference,
            BigDecimal claimed,
            BigDecimal approved,
            BigDecimal paid,
            String copay,
            String reasons,
            String details,
            String validationErrors,
            String request,
            String response,
            Instant createdAt,
            Instant sentAt,
            Instant answeredAt) {}

    private final JdbcClient jdbc;

    Exchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(Exchange e, Instant now) {
        jdbc.sql("insert into nphies_message (id, kind, state, outcome, patient_id, coverage_id, payer_id,"
                        + " appointment_id, service_id, invoice_id, resubmission_of, claim_identifier, claimed,"
                        + " validation_errors, request, created_at, updated_at) values (:id, :kind, :state, :outcome,"
                        + " :patient, :coverage, :payer, :appointment, :service, :invoice, :resub, :ci, :claimed, :ve,"
                        + " :request, :now, :now)")
                .param("id", e.id())
                .param("kind", e.kind().name())
                .param("state", e.state().name())
                .param("outcome", e.outcome())
                .param("patient", e.patientId())
                .param("coverage", e.coverageId())
                .param("payer", e.payerId())
                .param("appointment", e.appointmentId())
                .param("service", e.serviceId())
                .param("invoice", e.invoiceId())
                .param("resub", e.resubmissionOf())
                .param("ci", e.claimIdentifier())
                .param("claimed", e.claimed())
                .param("ve", e.validationErrors())
                .param("request", e.request())
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<Exchange> find(UUID id) {
        return jdbc.sql("select * from nphies_message where id = :id")
                .param("id", id)
                .query(Exchanges::map)
                .optional();
    }

    Optional<Exchange> lock(UUID id) {
        return jdbc.sql("select * from nphies_message where id = :id for update skip locked")
                .param("id", id)
                .query(Exchanges::map)
                .optional();
    }

    Optional<Exchange> byClaimIdentifier(String identifier) {
        return jdbc.sql("select * from nphies_message where claim_identifier = :ci order by created_at desc limit 1")
                .param("ci", identifier)
                .query(Exchanges::map)
                .optional();
    }

    List<Exchange> ofAppointment(UUID appointmentId) {
        return jdbc.sql("select * from nphies_message where appointment_id = :a order by created_at desc")
                .param("a", appointmentId)
                .query(Exchanges::map)
                .list();
    }

    List<Exchange> ofPatient(UUID patientId, int limit) {
        return jdbc.sql("select * from nphies_message where patient_id = :p and kind <> 'POLL' order by created_at"
                        + " desc limit :limit")
                .param("p", patientId)
                .param("limit", limit)
                .query(Exchanges::map)
                .list();
    }

    /**
     * Takes, until the transaction ends, the right to open an exchange of this kind about this subject (an invoice's
     * claim, an appointment's authorisation request): of two that would open one at the same moment — the event
     * delivered twice, a click beside the listener, two nodes — the second waits for the first to commit and then sees
     * its exchange, so one is sent, not two.
     */
    void lockOpening(Kind kind, UUID subject) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "nphies:" + kind + ":" + subject)
                .query((rs, n) -> 1)
                .list();
    }

    List<Exchange> ofInvoice(UUID invoiceId) {
        return jdbc.sql("select * from nphies_message where invoice_id = :i order by created_at desc")
                .param("i", invoiceId)
                .query(Exchanges::map)
                .list();
    }

    /** The claims of the work-list: a state or an outcome ({@code :state}), or all of them when it is null. */
    private static final String CLAIMS = "from nphies_message where kind = 'CLAIM' and (cast(:state as varchar) is null"
            + " or state = :state or outcome = :state)";

    /** The first page of the work-list (the id only orders claims created at the same instant). */
    List<Exchange> claims(String state, int limit) {
        return claims(state, 0, limit);
    }

    List<Exchange> claims(String state, int offset, int limit) {
        return jdbc.sql("select * " + CLAIMS + " order by created_at desc, id offset :offset limit :limit")
                .param("state", state)
                .param("offset", offset)
                .param("limit", limit)
                .query(Exchanges::map)
                .list();
    }

    /** Counts what {@link #claims(String, int, int)} pages through (one filter, so the total matches the pages). */
    long countClaims(String state) {
        return jdbc.sql("select count(*) " + CLAIMS)
                .param("state", state)
                .query(Long.class)
                .single();
    }

    List<UUID> open(Kind kind, int limit) {
        return jdbc.sql("select id from nphies_message where kind = :kind and state in ('PENDING', 'RETRYING') order"
                        + " by created_at limit :limit")
                .param("kind", kind.name())
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    void sent(UUID id, Instant now) {
        jdbc.sql("update nphies_message set sent_at = coalesce(sent_at, :now), updated_at = :now where id = :id")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    void state(UUID id, State state, String reasons, Instant now) {
        jdbc.sql("update nphies_message set state = :state, reasons = coalesce(:reasons, reasons), updated_at = :now"
                        + " where id = :id")
                .param("id", id)
                .param("state", state.name())
                .param("reasons", reasons)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Records an answer: the decision and what it says. */
    void answered(
            UUID id,
            State state,
            String outcome,
            String reference,
            BigDecimal approved,
            String copay,
            String reasons,
            String details,
            String response,
            Instant now) {
        jdbc.sql("update nphies_message set state = :state, outcome = :outcome, reference = coalesce(:reference,"
                        + " reference), approved = :approved, copay = :copay, reasons = :reasons, details = :details,"
                        + " response = :response, answered_at = :now, updated_at = :now where id = :id")
                .param("id", id)
                .param("state", state.name())
                .param("outcome", outcome)
                .param("reference", reference)
                .param("approved", approved)
                .param("copay", copay)
                .param("reasons", reasons)
                .param("details", details)
                .param("response", response)
                .param("now", Timestamp.from(now))
                .update();
    }

    void paid(UUID id, BigDecimal amount, Instant now) {
        jdbc.sql("update nphies_message set paid = coalesce(paid, 0) + :amount, updated_at = :now where id = :id")
                .param("id", id)
                .param("amount", amount)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Exchange map(ResultSet rs, int row) throws SQLException {
        return new Exchange(
                rs.getObject("id", UUID.class),
                Kind.valueOf(rs.getString("kind")),
                State.valueOf(rs.getString("state")),
                rs.getString("outcome"),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("coverage_id", UUID.class),
                rs.getString("payer_id"),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("invoice_id", UUID.class),
                rs.getObject("resubmission_of", UUID.class),
                rs.getString("claim_identifier"),
                rs.getString("reference"),
                rs.getBigDecimal("claimed"),
                rs.getBigDecimal("approved"),
                rs.getBigDecimal("paid"),
                rs.getString("copay"),
                rs.getString("reasons"),
                rs.getString("details"),
                rs.getString("validation_errors"),
                rs.getString("request"),
                rs.getString("response"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "answered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
