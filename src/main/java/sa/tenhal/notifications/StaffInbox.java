package sa.tenhal.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.NotFoundException;

/** The staff's in-app inbox: notices for one user, unread until they open or dismiss them. */
@Service
public class StaffInbox {

    /** A notice in someone's inbox. */
    public record Notice(
            UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a notice unless one with this idempotency key exists; true if added. */
    boolean add(String key, UUID user, String kind, String title, String body, String link, Instant now) {
        return jdbc.sql("""
                        insert into staff_notification (id, user_id, idempotency_key, kind, title, body, link, created_at)
                        values (:id, :user, :key, :kind, :title, :body, :link, :now) on conflict (idempotency_key) do nothing
                        """)
                        .param("id", Ids.newId())
                        .param("user", user)
                        .param("key", key)
                        .param("kind", kind)
                        .param("title", title.length() > 300 ? title.substring(0, 300) : title)
                        .param("body", body.length() > 2000 ? body.substring(0, 2000) : body)
                        .param("link", link)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    @Transactional(readOnly = true)
    public List<Notice> of(UUID user, boolean unreadOnly, int offset, int limit) {
        return jdbc.sql("select * from staff_notification where user_id = :user and (not :unread or read_at is null)"
                        + " order by created_at desc, id desc offset :offset limit :limit")
                .param("user", user)
                .param("unread", unreadOnly)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new Notice(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public long count(UUID user) {
        return jdbc.sql("select count(*) from staff_notification where user_id = :user")
                .param("user", user)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public long unread(UUID user) {
        return jdbc.sql("select count(*) from staff_notification where user_id = :user and read_at is null")
                .param("user", user)
                .query(Long.class)
                .single();
    }

    /** Marks one notice read; 404 if it is not this user's. */
    @Transactional
    public void markRead(UUID user, UUID notice) {
        int found = jdbc.sql(
                        "update staff_notification set read_at = coalesce(read_at, :now) where id = :id and user_id = :user")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", notice)
                .param("user", user)
                .update();
        if (found == 0) {
            throw new NotFoundException("Notification", notice);
        }
    }

    @Transactional
    public int markAllRead(UUID user) {
        return jdbc.sql("update staff_notification set read_at = :now where user_id = :user and read_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("user", user)
                .update();
    }
}
