package sa.tenhal.appointments.confirmation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validity how long a request's links work (never past the appointment's start); default 7 days
 * @param reminderWindow reminders go to unconfirmed appointments starting within this long; default 3 days
 * @param changeCutOff a patient who confirmed may still cancel from the link until this long before the start;
 *     default 24 hours (after it, the page asks them to call); the same cut-off holds for moving the visit from the
 *     link, and a new time offered there starts after it
 * @param moveDays how many days ahead (from today) the link's page offers other free times; default 14
 */
@ConfigurationProperties("tenhal.confirmation")
record ConfirmationProperties(Duration validity, Duration reminderWindow, Duration changeCutOff, Integer moveDays) {

    ConfirmationProperties {
        changeCutOff = changeCutOff == null ? Duration.ofHours(24) : changeCutOff;
        validity = validity == null ? Duration.ofDays(7) : validity;
        reminderWindow = reminderWindow == null ? Duration.ofDays(3) : reminderWindow;
        moveDays = moveDays == null ? 14 : Math.max(1, Math.min(moveDays, 31));
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("tenhal.confirmation.validity must be positive");
        }
    }
}
