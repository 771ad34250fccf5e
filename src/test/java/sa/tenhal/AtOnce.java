package sa.tenhal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Calls made at the same moment, each on a thread of its own: two clicks, a click and a listener, two nodes. */
public final class AtOnce {

    private AtOnce() {}

    /** What one call gave: its value, or what it threw. */
    public record Outcome<T>(T value, Throwable thrown) {}

    /** Starts the calls together and waits for every one; in the order given. */
    public static <T> List<Outcome<T>> run(List<Callable<T>> calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.await();
                    return call.call();
                }));
            }
            ready.countDown();
            List<Outcome<T>> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(new Outcome<>(f.get(), null));
                } catch (ExecutionException e) {
                    out.add(new Outcome<>(null, e.getCause()));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code n} times the same call at once. */
    public static <T> List<Outcome<T>> run(int n, Callable<T> call) throws InterruptedException {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return run(calls);
    }
}
