package sa.tenhal.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailures failed sign-ins in a row that lock an account
 * @param lockFor how long a locked account stays locked
 * @param sessionTimeout idle time after which a signed-in session ends
 */
@ConfigurationProperties("tenhal.sign-in")
record SignInProperties(Integer maxFailures, Duration lockFor, Duration sessionTimeout) {

    SignInProperties {
        if (maxFailures == null) {
            maxFailures = 5;
        }
        if (lockFor == null) {
            lockFor = Duration.ofMinutes(15);
        }
        if (sessionTimeout == null) {
            sessionTimeout = Duration.ofMinutes(60);
        }
    }
}
