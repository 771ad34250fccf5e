package sa.tenhal.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sessions and the limits on the sign-in form (the policy is written down in {@code docs/security.md}, Sign-in).
 *
 * @param sessionTimeout idle time after which a signed-in session ends
 * @param perAddressPerMinute sign-in attempts one client address may make per minute, whatever their outcome; past it
 *     the answer is 429 (a clinic's staff may share one address: this is the flood limit, not the guessing limit)
 * @param freeFailures failed attempts in a row for one account from one address before that address must wait
 *     between attempts for that account
 * @param accountFreeFailures failed attempts for one account from all addresses together before every address the
 *     user has not signed in from must wait between attempts for it
 * @param firstDelay the first wait; each further failure doubles it
 * @param maxDelay the longest wait: however long an attack goes on, the next attempt is never further away than this
 * @param forgetAfter failures older than this (with none since) are forgotten
 * @param familiarFor how long an address the user signed in from stays one of theirs (unhindered by the account's wait)
 */
@ConfigurationProperties("tenhal.sign-in")
record SignInProperties(
        Duration sessionTimeout,
        Integer perAddressPerMinute,
        Integer freeFailures,
        Integer accountFreeFailures,
        Duration firstDelay,
        Duration maxDelay,
        Duration forgetAfter,
        Duration familiarFor) {

    SignInProperties {
        sessionTimeout = positive(sessionTimeout, Duration.ofMinutes(60));
        perAddressPerMinute = perAddressPerMinute == null || perAddressPerMinute <= 0 ? 30 : perAddressPerMinute;
        freeFailures = freeFailures == null || freeFailures < 0 ? 5 : freeFailures;
        accountFreeFailures = accountFreeFailures == null || accountFreeFailures < 0 ? 20 : accountFreeFailures;
        firstDelay = positive(firstDelay, Duration.ofSeconds(15));
        maxDelay = positive(maxDelay, Duration.ofMinutes(5));
        if (maxDelay.compareTo(firstDelay) < 0) {
            maxDelay = firstDelay;
        }
        forgetAfter = positive(forgetAfter, Duration.ofHours(1));
        familiarFor = positive(familiarFor, Duration.ofDays(30));
    }

    /**
     * How long to wait after the {@code beyondFree}-th failure past the free ones (1 for the first): the first delay,
     * doubled for each further failure, never more than the longest.
     */
    Duration delayAfter(int beyondFree) {
        if (beyondFree <= 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay;
        for (int i = 1; i < beyondFree && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static Duration positive(Duration value, Duration otherwise) {
        return value == null || value.isNegative() || value.isZero() ? otherwise : value;
    }
}
