package sa.tenhal.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery log ({@code notification_message}). Its idempotency key is unique, so recording the same message twice
 * — an event delivered twice, two nodes — records it once; status changes are guarded updates, so two nodes can never
 * both send one message.
 */
@Repository
public class DeliveryLog {

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new message; empty when a message with this idempotency key exists already. */
    Optional<UUID> record(
            UUID id,
            String key,
            String kind,
            String source,
            Recipient recipient,
            Channel channel,
            String subject,
            String body,
            boolean urgent,
            MessageStatus status,
            Instant now,
            Instant sendAfter,
            UUID fallbackOf,
            WhatsappContent content) {
        int inserted = jdbc.sql("""
                        insert into notification_message (id, idempotency_key, kind, source, recipient_type, recipient_id, channel,
                            address, language, subject, body, urgent, status, created_at, send_after, sent_at, delivered_at,
                            fallback_of, content_sid, content_variables)
                        values (:id, :key, :kind, :source, :recipientType, :recipientId, :channel, :address, :language,
                            :subject, :body, :urgent, :status, :now, :sendAfter, :sentAt, :deliveredAt,
                            :fallbackOf, :contentSid, :contentVariables)
                        on conflict (idempotency_key) do nothing
                        """)
                .param("id", id)
                .param("key", key)
                .param("kind", kind)
                .param("source", source)
                .param("recipientType", recipient.type().name())
                .param("recipientId", recipient.id())
                .param("channel", channel.name())
                .param("address", recipient.address(channel))
                .param("language", recipient.language().name())
                .param("subject", subject)
                .param("body", body)
                .param("urgent", urgent)
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .param("sendAfter", Timestamp.from(sendAfter))
                .param("sentAt", status == MessageStatus.DELIVERED ? Timestamp.from(now) : null)
                .param("deliveredAt", status == MessageStatus.DELIVERED ? Timestamp.from(now) : null)
                .param("fallbackOf", fallbackOf)
                .param("contentSid", content == null ? null : content.contentSid())
                .param("contentVariables", content == null ? null : content.variablesJson())
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    void attach(UUID messageId, List<Attachment> attachments) {
        for (Attachment a : attachments) {
            jdbc.sql(
                            "insert into notification_attachment (message_id, filename, content_type, content) values (:m, :f, :t, :c)")
                    .param("m", messageId)
                    .param("f", a.filename())
                    .param("t", a.contentType())
                    .param("c", a.content())
                    .update();
        }
    }

    List<Attachment> attachments(UUID messageId) {
        return jdbc.sql(
                        "select filename, content_type, content from notification_attachment where message_id = :m order by id")
                .param("m", messageId)
                .query((rs, i) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    Optional<LoggedMessage> find(UUID id) {
        return jdbc.sql("select * from notification_message where id = :id")
                .param("id", id)
                .query(DeliveryLog::row)
                .optional();
    }

    /**
     * Hands a queued message to this node and returns it (in one statement); empty if another node has it or it is no
     * longer queued.
     */
    Optional<LoggedMessage> claimQueued(UUID id, Instant now) {
        return jdbc.sql("""
                        update notification_message set status = 'SENDING', attempts = attempts + 1, last_attempt_at = :now
                         where id = :id and status = 'QUEUED' returning *
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(DeliveryLog::row)
                .optional();
    }

    /** Hands a queued message to this node; false if another node has it or it is no longer queued. */
    boolean claim(UUID id, Instant now) {
        return jdbc.sql("""
                        update notification_message set status = 'SENDING', attempts = attempts + 1, last_attempt_at = :now
                         where id = :id and status = 'QUEUED'
                        """).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /**
     * Hands to this node a message that another attempt left SENDING before {@code stuckBefore} — its node stopped, or
     * failed to record the outcome — and returns it (in one statement, so two nodes never both take it over); empty if
     * it is not SENDING or its attempt is more recent (a live node may still be sending it).
     */
    Optional<LoggedMessage> takeOver(UUID id, Instant stuckBefore, Instant now) {
        return jdbc.sql("""
                        update notification_message set attempts = attempts + 1, last_attempt_at = :now
                         where id = :id and status = 'SENDING' and (last_attempt_at is null or last_attempt_at < :before)
                        returning *
                        """)
                .param("id", id)
                .param("before", Timestamp.from(stuckBefore))
                .param("now", Timestamp.from(now))
                .query(DeliveryLog::row)
                .optional()
                .filter(m -> m.status() == MessageStatus.SENDING);
    }

    /**
     * Messages that should have been handed over by now and are not: SENDING since before {@code before} (the node
     * stopped, or could not record the outcome), or QUEUED and due since before it (their job was lost). Oldest first.
     */
    List<UUID> stuck(Instant before, int limit) {
        return jdbc.sql("""
                        select id from notification_message
                         where (status = 'SENDING' and (last_attempt_at is null or last_attempt_at < :before))
                            or (status = 'QUEUED' and send_after < :before)
                         order by send_after limit :limit
                        """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Whether a message of the log has this provider id already (so it cannot be another message's). */
    boolean knowsProviderId(String providerMessageId) {
        return jdbc.sql("select exists (select 1 from notification_message where provider_message_id = :pid)")
                .param("pid", providerMessageId)
                .query(Boolean.class)
                .single();
    }

    /** Records that the message left with this provider id; false if it was not SENDING (recorded already). */
    boolean sent(UUID id, String provider, String providerMessageId, Integer segments, Instant now) {
        return jdbc.sql("""
                                update notification_message set status = 'SENT', provider = :provider, provider_message_id = :pid,
                                       segments = :segments, sent_at = :now, last_error = null
                                 where id = :id and status = 'SENDING'
                                """)
                        .param("id", id)
                        .param("provider", provider)
                        .param("pid", providerMessageId)
                        .param("segments", segments)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * The provider says it has the message (Twilio names Tenhal's id in a status callback): it left, whatever this log
     * believed — queued again after a timeout, SENDING when its node stopped, or FAILED after the last timeout. Returns
     * the message if this changed it to SENT; empty if it was SENT (or further) already.
     */
    Optional<LoggedMessage> acceptedByProvider(UUID id, String provider, String providerMessageId, Instant now) {
        return jdbc.sql("""
                        update notification_message set status = 'SENT', provider = :provider, provider_message_id = :pid,
                               sent_at = :now, failed_at = null, last_error = null
                         where id = :id and provider_message_id is null and status in ('QUEUED', 'SENDING', 'FAILED')
                        returning *
                        """)
                .param("id", id)
                .param("provider", provider)
                .param("pid", providerMessageId)
                .param("now", Timestamp.from(now))
                .query(DeliveryLog::row)
                .optional();
    }

    /**
     * Queues the message held behind {@code failed} (the patient's next channel), due now or at its own time if later;
     * empty if none is held (none was, or it was released already).
     */
    Optional<UUID> releaseHeld(UUID failed, Instant now) {
        return jdbc.sql("""
                        update notification_message set status = 'QUEUED', send_after = greatest(send_after, :now)
                         where fallback_of = :failed and status = 'HELD' returning id
                        """)
                .param("failed", failed)
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    void requeue(UUID id, String error) {
        jdbc.sql(
                        "update notification_message set status = 'QUEUED', last_error = :error where id = :id and status = 'SENDING'")
                .param("id", id)
                .param("error", truncate(error))
                .update();
    }

    void failed(UUID id, String error, Instant now) {
        jdbc.sql("""
                        update notification_message set status = 'FAILED', last_error = :error, failed_at = :now
                         where id = :id and status in ('QUEUED', 'SENDING', 'SENT')
                        """)
                .param("id", id)
                .param("error", truncate(error))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A provider's status callback: DELIVERED, or FAILED with the provider's error. */
    int providerReported(String providerMessageId, MessageStatus status, String error, Instant now) {
        if (status == MessageStatus.DELIVERED) {
            return jdbc.sql("""
                            update notification_message set status = 'DELIVERED', delivered_at = :now
                             where provider_message_id = :pid and status in ('SENT', 'SENDING')
                            """)
                    .param("pid", providerMessageId)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return failedAtProvider(providerMessageId, error, now).size();
    }

    /** A provider's report that a message it had accepted failed; returns the messages it changed to FAILED. */
    List<UUID> failedAtProvider(String providerMessageId, String error, Instant now) {
        return jdbc.sql("""
                        update notification_message set status = 'FAILED', failed_at = :now, last_error = :error
                         where provider_message_id = :pid and status in ('SENT', 'SENDING', 'DELIVERED') returning id
                        """)
                .param("pid", providerMessageId)
                .param("now", Timestamp.from(now))
                .param("error", truncate(error))
                .query(UUID.class)
                .list();
    }

    /** The log, newest first, filtered by any of status, channel, kind and recipient. */
    public List<LoggedMessage> search(
            MessageStatus status, Channel channel, String kind, UUID recipient, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            params.put("channel", channel.name());
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (recipient != null) {
            where.append(" and recipient_id = :recipient");
            params.put("recipient", recipient);
        }
        var spec = jdbc.sql("select * from notification_message" + where
                + " order by created_at desc, id desc offset :offset limit :limit");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.param("offset", offset)
                .param("limit", limit)
                .query(DeliveryLog::row)
                .list();
    }

    /** How many messages {@link #search} finds with the same filters, for the page's total. */
    public long count(MessageStatus status, Channel channel, String kind, UUID recipient) {
        return jdbc.sql("""
                        select count(*) from notification_message
                         where (cast(:status as text) is null or status = :status)
                           and (cast(:channel as text) is null or channel = :channel)
                           and (cast(:kind as text) is null or kind = :kind)
                           and (cast(:recipient as uuid) is null or recipient_id = :recipient)
                        """)
                .param("status", status == null ? null : status.name())
                .param("channel", channel == null ? null : channel.name())
                .param("kind", kind)
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }

    /** How many messages share this idempotency key prefix and channel (tests and benchmarks count duplicates). */
    public long countBySource(String source) {
        return jdbc.sql("select count(*) from notification_message where source = :source")
                .param("source", source)
                .query(Long.class)
                .single();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    static LoggedMessage row(ResultSet rs, int i) throws SQLException {
        return new LoggedMessage(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("source"),
                rs.getString("recipient_type"),
                rs.getObject("recipient_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                rs.getString("language"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getBoolean("urgent"),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                (Integer) rs.getObject("segments"),
                rs.getString("provider"),
                rs.getString("provider_message_id"),
                rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("send_after")),
                instant(rs.getTimestamp("last_attempt_at")),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("delivered_at")),
                instant(rs.getTimestamp("failed_at")),
                rs.getObject("fallback_of", UUID.class),
                rs.getString("content_sid"),
                rs.getString("content_variables"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
