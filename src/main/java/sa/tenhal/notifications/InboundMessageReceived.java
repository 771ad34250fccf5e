package sa.tenhal.notifications;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone replied by SMS or WhatsApp. The module that asked the question (e.g. appointment confirmation) decides
 * what the reply means.
 *
 * @param from the sender's number in E.164
 * @param providerMessageId the provider's id of the reply (unique: a reply is published once)
 */
@DomainEvent
public record InboundMessageReceived(
        String from, Channel channel, String body, String providerMessageId, Instant receivedAt) {}
