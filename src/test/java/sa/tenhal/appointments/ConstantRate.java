package sa.tenhal.appointments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;

/**
 * Bookings offered at a constant rate (an open-loop client), for the latency at a given load rather than at
 * saturation: request {@code i} is due at {@code start + i / rate} whatever the answers before it did, is sent then
 * (asynchronously, by the JDK's HTTP client, on as many connections as are open at once), and its latency is counted
 * from the time it was due, not from when it left. A client that waits for each answer before sending the next (wrk)
 * would hide a stall: the requests it did not send meanwhile are never counted ("coordinated omission"). Each request
 * books a free slot: provider {@code i mod n}, that provider's next slot, a patient of its own.
 */
record ConstantRate(
        int rate,
        int seconds,
        long sent,
        long booked,
        long other,
        double p50,
        double p95,
        double p99,
        double max,
        double lateMillis) {

    static ConstantRate run(
            BenchCentre centre,
            ServiceId service,
            List<ProviderId> providers,
            List<UUID> patients,
            LocalDate firstDay,
            long firstSlot)
            throws Exception {
        int rate = BookingBenchmark.RATE;
        int seconds = BookingBenchmark.SECONDS;
        int total = rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long epoch = firstDay.atTime(6, 0).atZone(BookingBenchmark.RIYADH).toEpochSecond();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        // when each slow answer was due (wall clock), to lay beside the GC log and PostgreSQL's checkpoints
        ConcurrentLinkedQueue<String> slow = new ConcurrentLinkedQueue<>();
        String checkpointsBefore = checkpoints(centre);
        long wallOffset = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CompletableFuture<?>[] answers = new CompletableFuture<?>[total];
        double late = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            late = Math.max(late, -wait / 1e6);
            long slot = firstSlot + i / providers.size();
            long startsAt = epoch
                    + (slot / BookingBenchmark.SLOTS_PER_DAY) * 86_400
                    + (slot % BookingBenchmark.SLOTS_PER_DAY) * 1_800;
            String body = String.format(
                    "{\"patientId\":\"%s\",\"serviceId\":\"%s\",\"providerId\":\"%s\",\"startsAt\":\"%s\"}",
                    patients.get(i % (patients.size() / 2)),
                    service.value(),
                    providers.get(i % providers.size()).value(),
                    java.time.Instant.ofEpochSecond(startsAt));
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + centre.port + "/api/v1/appointments"))
                    .header("Authorization", "Bearer " + centre.token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answers[i] = centre.http
                    .sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        double millis = (System.nanoTime() - due) / 1e6;
                        latencies.add(millis);
                        if (millis > 50) {
                            slow.add(String.format(
                                    Locale.ROOT,
                                    "%s %.1f",
                                    java.time.Instant.ofEpochMilli((wallOffset + due) / 1_000_000),
                                    millis));
                        }
                        if (failure == null && response.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(answers).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        System.out.println(
                "Slow answers (due at, ms): " + slow.stream().sorted().toList());
        System.out.println("PostgreSQL's checkpoints before: " + checkpointsBefore + "; after: " + checkpoints(centre));
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        ConstantRate result = new ConstantRate(
                rate,
                seconds,
                total,
                created.get(),
                other.get(),
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1],
                late);
        System.out.println(result.describe());
        return result;
    }

    static String checkpoints(BenchCentre centre) {
        return centre.jdbc.queryForObject(
                "select format('timed %s, requested %s, write %s ms, sync %s ms, last at %s', c.num_timed,"
                        + " c.num_requested, c.write_time, c.sync_time, (select checkpoint_time from"
                        + " pg_control_checkpoint())) from pg_stat_checkpointer c",
                String.class);
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "Constant rate: %d bookings offered at %d/s for %d s (open loop, each timed from when it was due; the"
                        + " client was at most %.1f ms late sending one): %d answered 201, %d otherwise; latency p50"
                        + " %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 50 ms at 50/s).",
                sent,
                rate,
                seconds,
                lateMillis,
                booked,
                other,
                p50,
                p95,
                p99,
                max);
    }
}
