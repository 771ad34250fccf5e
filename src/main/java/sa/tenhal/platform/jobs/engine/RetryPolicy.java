package sa.tenhal.platform.jobs.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed executions are retried: {@code attempts} in all, the first retry after {@code firstDelay}, each later one
 * {@code multiplier} times as long.
 */
@ConfigurationProperties("tenhal.job-retry")
record RetryPolicy(Integer attempts, Duration firstDelay, Double multiplier) {

    RetryPolicy {
        attempts = attempts == null ? 3 : attempts;
        firstDelay = firstDelay == null ? Duration.ofSeconds(60) : firstDelay;
        multiplier = multiplier == null ? 2.0 : multiplier;
    }

    /** The delay before the retry that follows the given number of failures (1 = after the first failure). */
    Duration delayAfter(int failures) {
        return Duration.ofMillis(Math.round(firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1))));
    }
}
