package sa.tenhal.notifications;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How many messages this node hands to a provider outside (an SMTP server, Twilio) at once:
 * {@code tenhal.notifications.sends-at-once}, 8 by default, half of the node's job threads. A send holds its job thread
 * until the provider answers or its timeout ends (10 s), and every message is a job on the threads that also run ZATCA's
 * and NPHIES's retries, the lab sync and the daily sweeps: a provider answering only at its timeout would take all of
 * them in a reminder burst. A delivery that finds no place within a second is deferred ({@link
 * sa.tenhal.platform.jobs.JobDeferred}) before it has claimed its message: its thread goes back to the other jobs, the
 * message stays queued and untouched, and its job comes back five to ten seconds on (spread, so that the deferred do
 * not all return at once). Messages to the outbox in Tenhal's own database take no place.
 */
@Component
class SendPlaces {

    /** How long a delivery waits for a place before it is deferred: a healthy provider frees one well within it. */
    static final Duration WAIT = Duration.ofSeconds(1);

    private final Places places;
    private volatile int size;

    SendPlaces(NotificationProperties properties) {
        this.size = properties.sendsAtOnce();
        this.places = new Places(size);
    }

    /** A place for one send, waiting up to {@link #WAIT}; false when none came free. */
    boolean take() {
        try {
            return places.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back the place {@link #take} gave. */
    void give() {
        places.release();
    }

    /** When a delivery that found no place comes back: five to ten seconds on. */
    Duration comeBackAfter() {
        return Duration.ofMillis(5_000 + ThreadLocalRandom.current().nextLong(5_001));
    }

    /** Sends in flight now (for tests and diagnostics). */
    int inFlight() {
        return size - places.availablePermits();
    }

    /** Sets how many sends may be in flight at once, from now on (tests). */
    synchronized void resize(int newSize) {
        if (newSize < 1) {
            throw new IllegalArgumentException("sends at once must be at least 1, not " + newSize);
        }
        if (newSize > size) {
            places.release(newSize - size);
        } else if (newSize < size) {
            places.shrink(size - newSize);
        }
        size = newSize;
    }

    /** A fair semaphore that can also shrink (its places in use are given back as usual). */
    private static final class Places extends Semaphore {

        Places(int size) {
            super(size, true);
        }

        void shrink(int by) {
            reducePermits(by);
        }
    }
}
