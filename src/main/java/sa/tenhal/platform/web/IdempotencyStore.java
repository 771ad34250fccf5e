package sa.tenhal.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers creating requests by {@code Idempotency-Key}. The primary key (caller, key) makes "first one wins" a
 * database fact, so two identical requests racing on two nodes still create once.
 */
@Component
class IdempotencyStore {

    enum State {
        IN_PROGRESS,
        COMPLETED
    }

    record Stored(
            String fingerprint,
            State state,
            Instant createdAt,
            Integer status,
            String location,
            String etag,
            String contentType,
            byte[] body) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for this request; false when someone holds it already. */
    boolean claim(String caller, String key, String fingerprint) {
        return jdbc.sql("""
                        insert into idempotency_record (caller, idempotency_key, fingerprint, state, created_at)
                        values (:caller, :key, :fingerprint, 'IN_PROGRESS', :now)
                        on conflict do nothing
                        """)
                        .param("caller", caller)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    Optional<Stored> find(String caller, String key) {
        return jdbc.sql("""
                        select fingerprint, state, created_at, response_status, response_location, response_etag,
                               response_content_type, response_body
                          from idempotency_record where caller = :caller and idempotency_key = :key
                        """)
                .param("caller", caller)
                .param("key", key)
                .query((rs, i) -> new Stored(
                        rs.getString(1),
                        State.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        (Integer) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8)))
                .optional();
    }

    void complete(
            String caller, String key, int status, String location, String etag, String contentType, byte[] body) {
        jdbc.sql("""
                        update idempotency_record
                           set state = 'COMPLETED', response_status = :status, response_location = :location,
                               response_etag = :etag, response_content_type = :contentType, response_body = :body,
                               completed_at = :now
                         where caller = :caller and idempotency_key = :key
                        """)
                .param("status", status)
                .param("location", location)
                .param("etag", etag)
                .param("contentType", contentType)
                .param("body", body)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    /** Forgets a key, so that the request may be tried again (it failed on our side, or its record expired). */
    void release(String caller, String key) {
        jdbc.sql("delete from idempotency_record where caller = :caller and idempotency_key = :key")
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    /** Forgets keys older than the given instant; returns how many. */
    int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .update();
    }
}
