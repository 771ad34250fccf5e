package sa.tenhal.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Non-urgent SMS and WhatsApp messages wait out the recipient's quiet hours (clinic-local, 22:00-08:00 by default);
 * email and in-app messages never wait.
 */
final class QuietHours {

    private QuietHours() {}

    static Instant sendAfter(
            Instant now, ZoneId zone, Channel channel, boolean urgent, LocalTime start, LocalTime end) {
        if (urgent || (channel != Channel.SMS && channel != Channel.WHATSAPP) || start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime wake = local.with(end);
        if (!wake.isAfter(local)) {
            wake = wake.plusDays(1);
        }
        return wake.toInstant();
    }
}
