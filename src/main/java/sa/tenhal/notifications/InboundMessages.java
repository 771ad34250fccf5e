package sa.tenhal.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.Ids;
import sa.tenhal.shared.PhoneNumber;

/**
 * Replies from patients. Each is recorded once (by the provider's id, so a webhook retried by the provider is not a
 * second reply) and published as {@link InboundMessageReceived} in the same transaction.
 */
@Service
public class InboundMessages {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InboundMessages(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Records and publishes a reply; false if it was received before. */
    @Transactional
    public boolean receive(String providerMessageId, String from, String body) {
        boolean whatsapp = from.startsWith("whatsapp:");
        String number = PhoneNumber.parse(whatsapp ? from.substring("whatsapp:".length()) : from)
                .e164();
        Channel channel = whatsapp ? Channel.WHATSAPP : Channel.SMS;
        String text = body == null ? "" : (body.length() > 2000 ? body.substring(0, 2000) : body);
        var now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into inbound_message (id, provider_message_id, channel, from_address, body, received_at)
                        values (:id, :pid, :channel, :from, :body, :now) on conflict (provider_message_id) do nothing
                        """)
                .param("id", Ids.newId())
                .param("pid", providerMessageId)
                .param("channel", channel.name())
                .param("from", number)
                .param("body", text)
                .param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        events.publishEvent(new InboundMessageReceived(number, channel, text, providerMessageId, now));
        return true;
    }

    /** Whether this number wrote to the clinic on this channel since {@code since} (WhatsApp's conversation window). */
    boolean wroteWithin(String number, Channel channel, java.time.Instant since) {
        if (number == null) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from inbound_message
                                        where from_address = :from and channel = :channel and received_at >= :since)
                        """)
                .param("from", number)
                .param("channel", channel.name())
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }
}
