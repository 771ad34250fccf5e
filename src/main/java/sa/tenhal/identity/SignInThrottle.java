package sa.tenhal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;

/**
 * Slows down guessing on the sign-in form without letting anyone lock anyone out (the policy, in full, is in
 * {@code docs/security.md}, Sign-in).
 *
 * <p>Two counts of failed attempts, each keyed by the username as typed (normalised), whether or not a user has it,
 * so that nothing here tells existing names from others:
 *
 * <ul>
 *   <li><b>this address, this account</b>: after {@link SignInProperties#freeFailures()} failures in a row the address
 *       waits before its next attempt for the account, the wait doubling with each further failure up to
 *       {@link SignInProperties#maxDelay()}. A successful sign-in clears it.
 *   <li><b>this account, every address</b>: after {@link SignInProperties#accountFreeFailures()} failures the same
 *       growing wait applies to every address the user has not signed in from lately ({@link SignInPlaces}), so that
 *       guessing from many addresses still gets a bounded rate while the user, at their usual place, is not held back.
 * </ul>
 *
 * An attempt counts as a failure from the moment it is let through until it succeeds, so that attempts sent all at
 * once cannot slip past the count. An attempt that is made to wait is refused at once (no thread sleeps), counts for
 * nothing and checks no password. Failures are forgotten {@link SignInProperties#forgetAfter()} after the last one, and
 * an admin (or a new password) lifts the waits of an account on every node ({@link SignInPlaces#standing}).
 *
 * <p>The counts live in this node's memory, bounded: several nodes each count on their own (an attacker spreading
 * over N nodes gets N times the rate), and a restart forgets them.
 */
@Component
class SignInThrottle {

    private static final int STRIPES = 64;
    private static final int MAX_KEY_LENGTH = 100;

    /** Failures counted in a row since {@code since}, the last at {@code last}. Guarded by the name's stripe. */
    private static final class Failures {
        private int count;
        private final Instant since;
        private Instant last;

        Failures(Instant now) {
            this.since = now;
            this.last = now;
        }
    }

    private record Pair(String address, String name) {}

    private final Cache<Pair, Failures> fromAddress;
    private final Cache<String, Failures> ofAccount;
    private final Object[] stripes = new Object[STRIPES];
    private final SignInProperties limits;
    private final SignInPlaces places;
    private final ClinicTime time;

    SignInThrottle(SignInProperties limits, SignInPlaces places, ClinicTime time) {
        this.limits = limits;
        this.places = places;
        this.time = time;
        // (the counts also forget by the clinic's clock, below; this bounds the memory by wall time)
        Duration keep = limits.forgetAfter().plus(limits.maxDelay());
        this.fromAddress = Caffeine.newBuilder()
                .expireAfterAccess(keep)
                .maximumSize(200_000)
                .build();
        this.ofAccount = Caffeine.newBuilder()
                .expireAfterAccess(keep)
                .maximumSize(50_000)
                .build();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * Whether an attempt to sign in as {@code name} (as typed) from {@code address} may have its password checked now.
     * If so it is counted as a failure until {@link #succeeded} is told otherwise; if not, nothing is counted.
     */
    boolean tryBegin(String address, String name) {
        Pair pair = new Pair(key(address), key(name));
        Instant now = time.now();
        SignInPlaces.Standing standing = null;
        while (true) {
            synchronized (stripe(pair.name())) {
                Failures here = current(fromAddress.getIfPresent(pair), now);
                Failures everywhere = current(ofAccount.getIfPresent(pair.name()), now);
                if (standing != null) {
                    if (here != null && standing.liftedSince(here.since)) {
                        here = null;
                    }
                    if (everywhere != null && standing.liftedSince(everywhere.since)) {
                        everywhere = null;
                    }
                }
                boolean addressWaits = waits(here, limits.freeFailures(), now);
                boolean accountWaits = waits(everywhere, limits.accountFreeFailures(), now)
                        && (standing == null || !standing.familiar());
                if (!addressWaits && !accountWaits) {
                    fromAddress.put(pair, counted(here, now));
                    ofAccount.put(pair.name(), counted(everywhere, now));
                    return true;
                }
                if (standing != null) {
                    return false;
                }
            }
            // About to be refused: ask the database (outside the lock) whether an admin lifted the waits since, or
            // whether the user has signed in from this address before. Known and unknown names alike are asked.
            standing = places.standing(pair.name(), pair.address(), now.minus(limits.familiarFor()));
        }
    }

    /**
     * The attempt let through by {@link #tryBegin} signed in: it was no failure. This address's failures for the
     * account are cleared, and the address becomes one of the user's places.
     */
    void succeeded(String address, String name, UserId user) {
        Pair pair = new Pair(key(address), key(name));
        synchronized (stripe(pair.name())) {
            fromAddress.invalidate(pair);
            Failures everywhere = ofAccount.getIfPresent(pair.name());
            if (everywhere != null && everywhere.count > 0) {
                // only this attempt is taken back: the others' failures still count against the account
                everywhere.count--;
            }
        }
        Instant now = time.now();
        places.signedIn(user, pair.address(), now, now.minus(limits.familiarFor()));
    }

    /** Failures in a row still remembered at {@code now}, or null. */
    private Failures current(Failures failures, Instant now) {
        return failures == null
                        || failures.count == 0
                        || failures.last.plus(limits.forgetAfter()).isBefore(now)
                ? null
                : failures;
    }

    /** Whether, after these failures, the next attempt must wait until a time still to come. */
    private boolean waits(Failures failures, int free, Instant now) {
        if (failures == null || failures.count < free) {
            return false;
        }
        return now.isBefore(failures.last.plus(limits.delayAfter(failures.count - free + 1)));
    }

    private static Failures counted(Failures failures, Instant now) {
        Failures counted = failures == null ? new Failures(now) : failures;
        counted.count++;
        counted.last = now;
        return counted;
    }

    private Object stripe(String name) {
        return stripes[Math.floorMod(name.hashCode(), STRIPES)];
    }

    private static String key(String text) {
        String key = text == null ? "" : text;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
