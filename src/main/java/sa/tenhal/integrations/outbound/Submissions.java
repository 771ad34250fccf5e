package sa.tenhal.integrations.outbound;

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
 * The state of each submission to a partner, shared by the integrations (ZATCA now; NPHIES and results later): one row
 * per subject (a document, a claim), so that a subject is submitted as itself however often it is retried. An attempt
 * holds the row's lock ({@link #lockOpen}, {@code for update skip locked}): two nodes never send the same subject at
 * once.
 */
@Repository
public class Submissions {

    /** Where a submission stands. */
    public enum State {
        PENDING,
        RETRYING,
        ACCEPTED,
        ACCEPTED_WITH_WARNINGS,
        REJECTED,
        UNAUTHORISED;

        public boolean accepted() {
            return this == ACCEPTED || this == ACCEPTED_WITH_WARNINGS;
        }

        /** Still to be sent (again): the sweep picks these up. */
        public boolean open() {
            return this == PENDING || this == RETRYING || this == UNAUTHORISED;
        }
    }

    public record Submission(
            UUID id,
            String partner,
            String operation,
            UUID subjectId,
            State state,
            int attempts,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            String messages,
            Instant acceptedAt,
            Instant createdAt,
            Instant updatedAt) {

        /**
         * Whether it has been tried (no longer PENDING). The first attempt, made when its subject is issued or placed,
         * leaves a tried one to its retry at its time: the event may be delivered again, and a partner that did not
         * answer should not be called again at once.
         */
        public boolean tried() {
            return state != State.PENDING;
        }
    }

    private final JdbcClient jdbc;

    public Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the subject's submission, due at once, unless it has one. */
    public void open(String partner, String operation, UUID subjectId, Instant now) {
        jdbc.sql("insert into integration_submission (id, partner, operation, subject_id, state, next_attempt_at,"
                        + " created_at, updated_at) values (:id, :partner, :op, :subject, 'PENDING', :at, :at, :at)"
                        + " on conflict (partner, subject_id) do nothing")
                .param("id", UUID.randomUUID())
                .param("partner", partner)
                .param("op", operation)
                .param("subject", subjectId)
                .param("at", Timestamp.from(now))
                .update();
    }

    /** The subject's submission if it is still open and no other node is sending it; locked until commit. */
    public Optional<Submission> lockOpen(String partner, UUID subjectId) {
        return jdbc.sql("select * from integration_submission where partner = :partner and subject_id = :subject and"
                        + " state in ('PENDING', 'RETRYING', 'UNAUTHORISED') for update skip locked")
                .param("partner", partner)
                .param("subject", subjectId)
                .query(Submissions::map)
                .optional();
    }

    public Optional<Submission> find(String partner, UUID subjectId) {
        return jdbc.sql("select * from integration_submission where partner = :partner and subject_id = :subject")
                .param("partner", partner)
                .param("subject", subjectId)
                .query(Submissions::map)
                .optional();
    }

    /** Subjects due for an attempt: open and due by {@code now}, oldest first. */
    public List<UUID> due(String partner, Instant now, int limit) {
        return jdbc.sql("select subject_id from integration_submission where partner = :partner and state in"
                        + " ('PENDING', 'RETRYING', 'UNAUTHORISED') and (next_attempt_at is null or next_attempt_at <="
                        + " :now) order by next_attempt_at, created_at limit :limit")
                .param("partner", partner)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Which of these subjects are not yet accepted (open or rejected). */
    public List<UUID> notAccepted(String partner) {
        return jdbc.sql("select subject_id from integration_submission where partner = :partner and state not in"
                        + " ('ACCEPTED', 'ACCEPTED_WITH_WARNINGS')")
                .param("partner", partner)
                .query(UUID.class)
                .list();
    }

    public List<Submission> recent(String partner, int limit) {
        return jdbc.sql("select * from integration_submission where partner = :partner order by updated_at desc limit"
                        + " :limit")
                .param("partner", partner)
                .param("limit", limit)
                .query(Submissions::map)
                .list();
    }

    public int count(String partner, State state) {
        return jdbc.sql("select count(*) from integration_submission where partner = :partner and state = :state")
                .param("partner", partner)
                .param("state", state.name())
                .query(Integer.class)
                .single();
    }

    /** Records an attempt's outcome; {@code nextAttemptAt} only for a state that is tried again. */
    public void record(
            UUID id, State state, Integer status, String error, String messages, Instant nextAttemptAt, Instant now) {
        jdbc.sql("update integration_submission set state = :state, attempts = attempts + 1, last_attempt_at = :now,"
                        + " last_status = :status, last_error = :error, messages = coalesce(:messages, messages),"
                        + " next_attempt_at = :next, accepted_at = case when :accepted then :now else accepted_at end,"
                        + " updated_at = :now where id = :id")
                .param("state", state.name())
                .param("now", Timestamp.from(now))
                .param("status", status)
                .param("error", error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("messages", messages)
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("accepted", state.accepted())
                .param("id", id)
                .update();
    }

    private static Submission map(ResultSet rs, int row) throws SQLException {
        return new Submission(
                rs.getObject("id", UUID.class),
                rs.getString("partner"),
                rs.getString("operation"),
                rs.getObject("subject_id", UUID.class),
                State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getString("messages"),
                instant(rs, "accepted_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
