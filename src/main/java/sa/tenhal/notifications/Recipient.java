package sa.tenhal.notifications;

import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.shared.Language;

/**
 * Whom a message goes to, and how they may be reached: the channels they agreed to, their language, their addresses
 * and (patients) their quiet hours.
 */
record Recipient(
        Type type,
        UUID id,
        String name,
        Language language,
        String email,
        String mobile,
        Set<Channel> channels,
        LocalTime quietStart,
        LocalTime quietEnd) {

    enum Type {
        PATIENT,
        STAFF
    }

    String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS, WHATSAPP -> mobile;
            case IN_APP -> type == Type.STAFF ? id.toString() : null;
        };
    }

    boolean reachableBy(Channel channel) {
        return channels.contains(channel) && address(channel) != null;
    }
}
