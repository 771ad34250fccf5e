package sa.tenhal.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The embedded default's stand-in for the outside world: emails and texts are "delivered" here, rendered as the
 * recipient would see them (links included), for admins to read on the outbox page. Nothing leaves the machine.
 *
 * <p>Exactly once: the outbox lives in Tenhal's own database, one item per message id (a second delivery of the same
 * message changes nothing), and it can always say whether it has a message, which is asked before an interrupted
 * message is delivered again.
 */
@Component
public class Outbox {

    /** A message as the outbox received it. */
    public record Item(
            UUID messageId,
            Channel channel,
            String address,
            String subject,
            String html,
            String text,
            java.time.Instant receivedAt) {}

    /** A file that came with a message (kept with the message: the outbox shows the sent message whole). */
    public record File(long id, String filename, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void receive(UUID messageId, Channel channel, String address, String subject, String html, String text) {
        jdbc.sql("""
                        insert into outbox_item (message_id, channel, address, subject, html, text, created_at)
                        values (:id, :channel, :address, :subject, :html, :text, :at) on conflict (message_id) do nothing
                        """)
                .param("id", messageId)
                .param("channel", channel.name())
                .param("address", address)
                .param("subject", subject)
                .param("html", html)
                .param("text", text)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    public List<File> files(UUID messageId) {
        return jdbc.sql(
                        "select id, filename, content_type, content from notification_attachment where message_id = :m order by id")
                .param("m", messageId)
                .query((rs, i) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .list();
    }

    public List<Item> latest(int limit) {
        return jdbc.sql("select * from outbox_item order by created_at desc, message_id desc limit :limit")
                .param("limit", limit)
                .query((rs, i) -> item(rs))
                .list();
    }

    public Optional<Item> find(UUID messageId) {
        return jdbc.sql("select * from outbox_item where message_id = :id")
                .param("id", messageId)
                .query((rs, i) -> item(rs))
                .optional();
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(
                rs.getObject("message_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getString("html"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Email into the outbox. */
    static final class Email implements Transports.Email {
        private final Outbox outbox;

        Email(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public String name() {
            return "outbox";
        }

        @Override
        public String send(
                UUID messageId,
                String to,
                String subject,
                String html,
                String text,
                java.util.List<Attachment> attachments) {
            outbox.receive(messageId, Channel.EMAIL, to, subject, html, text);
            return "outbox-" + messageId;
        }

        @Override
        public Optional<Transports.Accepted> accepted(
                LoggedMessage message, java.util.function.Predicate<String> recorded) {
            return outbox.find(message.id()).map(i -> new Transports.Accepted("outbox-" + i.messageId(), i.text()));
        }

        @Override
        public boolean canTell() {
            return true;
        }

        @Override
        public boolean inDatabase() {
            return true;
        }
    }

    /** SMS and WhatsApp into the outbox. */
    static final class Text implements Transports.Text {
        private final Outbox outbox;

        Text(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public String name() {
            return "outbox";
        }

        @Override
        public String send(UUID messageId, Channel channel, String to, String text, WhatsappContent template) {
            // the outbox shows the message as the patient reads it: the template's text is the free text
            outbox.receive(messageId, channel, to, null, null, text);
            return "outbox-" + messageId;
        }

        @Override
        public Optional<Transports.Accepted> accepted(
                LoggedMessage message, java.util.function.Predicate<String> recorded) {
            return outbox.find(message.id()).map(i -> new Transports.Accepted("outbox-" + i.messageId(), i.text()));
        }

        @Override
        public boolean canTell() {
            return true;
        }

        @Override
        public boolean inDatabase() {
            return true;
        }
    }
}
