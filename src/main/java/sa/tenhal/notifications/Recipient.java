package sa.tenhal.notifications;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.shared.Language;

/**
 * Whom a message goes to, and how they may be reached: the channels they agreed to, their language, their addresses,
 * (patients) their quiet hours, the order in which their channels are tried and whether they asked for every channel
 * at once.
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
        LocalTime quietEnd,
        List<Channel> order,
        boolean everyChannel) {

    enum Type {
        PATIENT,
        STAFF
    }

    Recipient {
        order = order == null ? ContactPreferences.DEFAULT_ORDER : List.copyOf(order);
    }

    /** With the centre's order of channels, one at a time. */
    Recipient(
            Type type,
            UUID id,
            String name,
            Language language,
            String email,
            String mobile,
            Set<Channel> channels,
            LocalTime quietStart,
            LocalTime quietEnd) {
        this(type, id, name, language, email, mobile, channels, quietStart, quietEnd, null, false);
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

    /**
     * The channels a message that may take {@code allowed} goes by, in the order they are tried: those the recipient
     * can be reached by, in the recipient's order (a channel the order does not name keeps its place after them). A
     * patient gets the first, and the next only if it fails ({@link #oneAtATime()}); staff get each (the inbox and the
     * email are two different things to them).
     */
    List<Channel> plan(List<Channel> allowed) {
        List<Channel> plan = new ArrayList<>();
        for (Channel channel : order) {
            if (allowed.contains(channel) && reachableBy(channel)) {
                plan.add(channel);
            }
        }
        for (Channel channel : allowed) {
            if (!plan.contains(channel) && reachableBy(channel)) {
                plan.add(channel);
            }
        }
        return plan;
    }

    /** Whether a message goes by one channel at a time: a patient's does, unless they asked for every channel. */
    boolean oneAtATime() {
        return type == Type.PATIENT && !everyChannel;
    }
}
