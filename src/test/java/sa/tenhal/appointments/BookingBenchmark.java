package sa.tenhal.appointments;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;

/**
 * Booking throughput over HTTP at 32 concurrent clients, on free slots (each client books its own provider's next
 * slots) and on conflicting ones (all clients race for the same slots: one wins each, the others get 409 with the
 * conflict listed), compared with pgbench's TPC-B-like transactions per second at the same number of clients on the same
 * PostgreSQL, in the same run; then double bookings are counted by query. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.appointments.BookingBenchmark test-compile exec:java}
 * ({@code -Dclients=32 -Dseconds=20 -Dwarmup=60 -Dpool=6 -Dscale=32}). After each run it waits until the work the
 * bookings set off after their commits (confirmation messages, the referral check) is done, and reports that time too.
 */
public final class BookingBenchmark {

    static final int CLIENTS = Integer.getInteger("clients", 32);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    // the JIT is still compiling the request path after 10 s; a running node is long past that
    static final int WARMUP_SECONDS = Integer.getInteger("warmup", 60);
    // HikariCP's advice, about 2 x cores + 2: on 2 cores 6 connections book twice as fast as 32 (bench/RESULTS.md)
    static final int POOL = Integer.getInteger("pool", 6);
    static final int SCALE = Integer.getInteger("scale", 32);
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int SLOTS_PER_DAY = 32; // 06:00-22:00, 30 minutes each

    record Run(
            String name,
            long requests,
            long booked,
            long refused,
            long other,
            double seconds,
            long[] nanos,
            double drainSeconds) {}

    public static void main(String[] args) throws Exception {
        centre = new BenchCentre(
                "--spring.datasource.hikari.maximum-pool-size=" + POOL, "--server.tomcat.threads.max=64");
        try {
            ClinicId clinic = centre.clinic("SLP");
            ServiceId service = centre.service(clinic, 30, 0, null);
            List<ProviderId> providers =
                    centre.providers(clinic, CLIENTS + 1, BenchCentre.EVERY_DAY, BenchCentre.hours(6, 22));
            List<UUID> patients = centre.patients(50_000);
            LocalDate firstDay = LocalDate.now(RIYADH).plusDays(2);

            // free slots: client c books provider c's slots one after another
            long[] next = new long[CLIENTS];
            run(
                    centre,
                    "warm-up",
                    WARMUP_SECONDS,
                    c -> freeBooking(service, providers.get(c), patients, firstDay, c, next));
            Run free = run(
                    centre,
                    "free slots",
                    SECONDS,
                    c -> freeBooking(service, providers.get(c), patients, firstDay, c, next));

            // conflicting slots: every client tries the same slots of one provider, far from the free ones in time
            ProviderId contested = providers.get(CLIENTS);
            LocalDate contestedDay = firstDay.plusDays(300);
            long[] round = new long[CLIENTS];
            Run conflicting = run(centre, "conflicting slots", SECONDS, c -> {
                long k = round[c]++;
                Instant start = slot(contestedDay, k);
                UUID patient = patients.get((int) ((k * CLIENTS + c + 25_000) % patients.size()));
                return booking(service, contested, patient, start);
            });

            long doubles = centre.jdbc.queryForObject("""
                    select count(*) from appointment a join appointment b on a.id < b.id
                     and a.status not in ('CANCELLED', 'NO_SHOW') and b.status not in ('CANCELLED', 'NO_SHOW')
                     and tstzrange(a.starts_at, a.busy_until) && tstzrange(b.starts_at, b.busy_until)
                     and (a.provider_id = b.provider_id or a.room_id = b.room_id
                          or (a.patient_id = b.patient_id
                              and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)))
                    """, Long.class);
            long contestedSlots = centre.jdbc.queryForObject(
                    "select count(*) from appointment where provider_id = ?", Long.class, contested.value());

            double pgbenchTps = Boolean.parseBoolean(System.getProperty("pgbench", "true"))
                    ? pgbench(centre.jdbcUrl, centre.jdbc)
                    : Double.NaN;

            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%nBooking over HTTP, %d clients, %d s each after %d s warm-up; pgbench TPC-B-like -c %d -j 2 -T %d"
                            + " (scale %d) on the same embedded PostgreSQL%n%n",
                    CLIENTS,
                    SECONDS,
                    WARMUP_SECONDS,
                    CLIENTS,
                    SECONDS,
                    SCALE));
            out.append("| run | requests/s | booked/s | 201 | 409 | other | p50 ms | p95 ms | p99 ms | ratio to pgbench"
                    + " | then until the work set off was done | requests/s counting that time |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Run r : List.of(free, conflicting)) {
                Arrays.sort(r.nanos());
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.1f s | %.0f |%n",
                        r.name(),
                        r.requests() / r.seconds(),
                        r.booked() / r.seconds(),
                        r.booked(),
                        r.refused(),
                        r.other(),
                        BenchCentre.percentile(r.nanos(), 0.50),
                        BenchCentre.percentile(r.nanos(), 0.95),
                        BenchCentre.percentile(r.nanos(), 0.99),
                        (r.requests() / r.seconds()) / pgbenchTps,
                        r.drainSeconds(),
                        r.requests() / (r.seconds() + r.drainSeconds())));
            }
            out.append(String.format(Locale.ROOT, "| pgbench | %.0f tps | | | | | | | | 1.00 | | |%n%n", pgbenchTps));
            out.append(String.format(
                    Locale.ROOT,
                    "Double bookings found afterwards (provider, room or patient overlaps among active appointments): %d."
                            + " Contested slots tried: %d, booked: %d.%n",
                    doubles,
                    round.length == 0 ? 0 : Arrays.stream(round).max().orElse(0),
                    contestedSlots));
            System.out.println(out);
        } finally {
            centre.close();
        }
    }

    interface Call {
        HttpResponse<String> call(int client) throws Exception;
    }

    static BenchCentre centre;

    static HttpResponse<String> booking(ServiceId service, ProviderId provider, UUID patient, Instant start)
            throws Exception {
        return centre.post(
                "/api/v1/appointments",
                "{\"patientId\":\"" + patient + "\",\"serviceId\":\"" + service + "\",\"providerId\":\"" + provider
                        + "\",\"startsAt\":\"" + start + "\"}");
    }

    /** Client c books its own provider's next slot; at one time every client has a different patient. */
    static HttpResponse<String> freeBooking(
            ServiceId service, ProviderId provider, List<UUID> patients, LocalDate firstDay, int c, long[] next)
            throws Exception {
        long k = next[c]++;
        UUID patient = patients.get((int) ((k * CLIENTS + c) % 25_000));
        return booking(service, provider, patient, slot(firstDay, k));
    }

    static Instant slot(LocalDate firstDay, long k) {
        return firstDay.plusDays(k / SLOTS_PER_DAY)
                .atTime(6, 0)
                .plusMinutes(30 * (k % SLOTS_PER_DAY))
                .atZone(RIYADH)
                .toInstant();
    }

    /** {@code CLIENTS} threads call as fast as they can for {@code seconds}; every answer's status and time counted. */
    static Run run(BenchCentre centre, String name, int seconds, Call call) throws Exception {
        AtomicLong booked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        ConcurrentLinkedQueue<long[]> times = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[200_000];
                int n = 0;
                try {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end && n < mine.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = call.call(client);
                        mine[n++] = System.nanoTime() - t0;
                        switch (response.statusCode()) {
                            case 201 -> booked.incrementAndGet();
                            case 409 -> refused.incrementAndGet();
                            default -> {
                                if (other.incrementAndGet() <= 3) {
                                    System.out.println(response.statusCode() + " " + response.body());
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
                times.add(Arrays.copyOf(mine, n));
            });
            t.start();
            threads.add(t);
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        long[] all = times.stream().flatMapToLong(Arrays::stream).toArray();
        // the work each booking sets off after its commit (its confirmation request's messages, the referral check)
        // belongs to it: wait until none is left, so that it neither flatters this run nor slows the next one
        long drainStart = System.nanoTime();
        while (centre.jdbc.queryForObject("select count(*) from event_publication", Long.class) > 0) {
            Thread.sleep(50);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests in %.1f s, then %.1f s until the work they set off was done%n",
                name,
                all.length,
                elapsed,
                drain);
        return new Run(name, all.length, booked.get(), refused.get(), other.get(), elapsed, all, drain);
    }

    /** pgbench TPC-B-like at the same number of clients, on a database of its own in the same server. */
    static double pgbench(String jdbcUrl, org.springframework.jdbc.core.JdbcTemplate jdbc) throws Exception {
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalStateException("no host and port in " + jdbcUrl);
        }
        String host = m.group(1);
        String port = m.group(2);
        jdbc.execute("drop database if exists pgbench");
        jdbc.execute("create database pgbench");
        exec(List.of(
                "pgbench",
                "-i",
                "-q",
                "-s",
                String.valueOf(SCALE),
                "-h",
                host,
                "-p",
                port,
                "-U",
                "postgres",
                "pgbench"));
        String output = exec(List.of(
                "pgbench",
                "-c",
                String.valueOf(CLIENTS),
                "-j",
                "2",
                "-T",
                String.valueOf(SECONDS),
                "-h",
                host,
                "-p",
                port,
                "-U",
                "postgres",
                "pgbench"));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        System.out.println(output);
        return Double.parseDouble(tps.group(1));
    }

    static String exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + out);
        }
        return out.toString();
    }
}
