package sa.tenhal.integrations.outbound;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;

/**
 * At most a given number of calls to one partner in flight from this node at once. A call holds its thread until the
 * partner answers or the read timeout ends (55 s for NPHIES), and an NPHIES call also holds the database connection of
 * the transaction that locked its message: a partner that hangs would otherwise take every request thread a check
 * runs on and every pooled connection, and stop the reception with it. A call that finds no free place fails at once,
 * as a call the partner did not answer fails: a {@link ResourceAccessException}, which {@link Outbound#transient_} counts
 * as worth retrying — the job sends it again later, and the page says the partner did not answer. It does not wait for a
 * place: it would wait holding its thread and its connection, which is what the bulkhead is there to bound.
 */
public final class Bulkhead {

    private final String partner;
    private final int size;
    private final Semaphore places;

    /**
     * @param partner named in the failure
     * @param size calls at once; keep it well under the database pool (each call may hold a connection)
     */
    public Bulkhead(String partner, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(partner + ": calls at once must be at least 1, not " + size);
        }
        this.partner = partner;
        this.size = size;
        this.places = new Semaphore(size);
    }

    public <T> T call(Supplier<T> call) {
        if (!places.tryAcquire()) {
            throw new ResourceAccessException(partner + ": " + size + " calls already waiting for an answer from this"
                    + " node; not called, to be tried again");
        }
        try {
            return call.get();
        } finally {
            places.release();
        }
    }

    /** Calls in flight now (for tests and diagnostics). */
    public int inFlight() {
        return size - places.availablePermits();
    }
}
