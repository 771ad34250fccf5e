package sa.tenhal.appointments.confirmation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validity how long a request's links work (never past the appointment's start); default 7 days
 * @param reminderWindow reminders go to unconfirmed appointments starting within this long; default 3 days
 */
@ConfigurationProperties("tenhal.confirmation")
record ConfirmationProperties(Duration validity, Duration reminderWindow) {

    ConfirmationProperties {
        validity = validity == null ? Duration.ofDays(7) : validity;
        reminderWindow = reminderWindow == null ? Duration.ofDays(3) : reminderWindow;
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("tenhal.confirmation.validity must be positive");
        }
    }
}
