package sa.tenhal.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Event publications whose listener has not completed, with the failure bookkeeping kept beside them: what the admins'
 * API and page list.
 */
@Component
class IncompletePublications {

    /** An incomplete event publication: which event, which listener, how often it failed and why. */
    record Publication(
            UUID id,
            String eventType,
            String listener,
            Instant publishedAt,
            String status,
            int resubmissions,
            Instant lastResubmittedAt,
            Integer failures,
            String lastError,
            Instant lastFailedAt,
            Instant gaveUpAt) {}

    private final JdbcClient jdbc;

    IncompletePublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Failing ones first (the latest failure first), then the oldest in flight. */
    List<Publication> list(boolean failingOnly, int offset, int limit) {
        return jdbc.sql("""
                        select p.id, p.event_type, p.listener_id, p.publication_date, p.status, coalesce(p.completion_attempts, 0) attempts,
                               p.last_resubmission_date, f.failures, f.last_error, f.last_failed_at, f.gave_up_at
                          from event_publication p left join event_publication_failure f on f.publication_id = p.id
                         where p.completion_date is null and (not :failingOnly or f.publication_id is not null)
                         order by f.last_failed_at desc nulls last, p.publication_date, p.id
                         offset :offset limit :limit
                        """)
                .param("failingOnly", failingOnly)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new Publication(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("listener_id"),
                        rs.getTimestamp("publication_date").toInstant(),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs.getTimestamp("last_resubmission_date")),
                        (Integer) rs.getObject("failures"),
                        rs.getString("last_error"),
                        instant(rs.getTimestamp("last_failed_at")),
                        instant(rs.getTimestamp("gave_up_at"))))
                .list();
    }

    long count(boolean failingOnly) {
        return jdbc.sql("""
                        select count(*) from event_publication p left join event_publication_failure f on f.publication_id = p.id
                         where p.completion_date is null and (not :failingOnly or f.publication_id is not null)
                        """).param("failingOnly", failingOnly).query(Long.class).single();
    }

    /** Publications the registry marked failed, which a resubmission would try again. */
    long failedCount() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and status = 'FAILED'")
                .query(Long.class)
                .single();
    }

    boolean isIncomplete(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = :id and completion_date is null")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
