package sa.tenhal.appointments;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.DatabaseTransactions;
import sa.tenhal.ProcessCpu;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;

/**
 * Booking throughput over HTTP at 32 concurrent clients, on free slots (each client books its own provider's next
 * slots) and on conflicting ones (all clients race for the same slots: one wins each, the others get 409 with the
 * conflict listed), compared with pgbench's TPC-B-like transactions per second at the same number of clients on the same
 * PostgreSQL, in the same run, and with a booking's own SQL replayed by pgbench with no Tenhal in between
 * ({@code bench/booking-sql.pgbench}: what PostgreSQL alone allows); then double bookings are counted by query. The
 * load comes from {@code wrk} running {@code bench/booking.lua} (Debian package {@code wrk}): a small C client, so that
 * the two cores go to Tenhal and PostgreSQL rather than to a Java HTTP client. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.appointments.BookingBenchmark test-compile exec:java}
 * ({@code -Dclients=32 -Dthreads=2 -Dseconds=20 -Dwarmup=60 -Dpool=6 -Dscale=32}). After each run it waits until the
 * work the bookings set off after their commits (confirmation messages, the referral check) is done, and reports that
 * time too. For each run and for pgbench it also reports the machine's CPU per request or transaction
 * ({@link MachineCpu}): on a shared machine whose speed moves between runs, that compares the two by the work each asks
 * for.
 */
public final class BookingBenchmark {

    static final int CLIENTS = Integer.getInteger("clients", 32);
    // wrk's threads; each drives clients / threads connections
    static final int THREADS = Integer.getInteger("threads", 2);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    // The warm-up books for at least this long, then on in rounds of SECONDS until the JIT compiler's share of the
    // JVM's CPU in a round is under SETTLED, or WARMUP_MAX seconds have passed. On two cores the compiler still took a
    // quarter of the JVM's CPU after 60 s, and the request threads ran partly in code not yet fully compiled: a
    // running node is long past that (bench/RESULTS.md, 2026-12-06 "the JIT compiler in the measured window").
    static final int WARMUP_SECONDS = Integer.getInteger("warmup", 60);
    static final int WARMUP_MAX = Integer.getInteger("warmupmax", 300);
    static final double SETTLED = Double.parseDouble(System.getProperty("settled", "0.02"));
    // HikariCP's advice, about 2 x cores + 2: on 2 cores 6 connections book twice as fast as 32 (bench/RESULTS.md)
    static final int POOL = Integer.getInteger("pool", 6);
    static final int SCALE = Integer.getInteger("scale", 32);
    // Tomcat's request threads: 12, as docs/deployment.md advises for a 2-core node that books (the requests wait in
    // order for a thread instead of sharing the cores, which shortened the tail by a third on every VM measured; runs
    // before 2026-12-06 18:00 UTC had 64 unless they say otherwise)
    static final int HTTP_THREADS = Integer.getInteger("http", 12);
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int SLOTS_PER_DAY = 32; // 06:00-22:00, 30 minutes each, as in bench/booking.lua
    // -Dstatements=true (not "trace": Spring Boot reads that as its own): after the warm-up, one booking with
    // PostgreSQL's statement log on (printed with the output)
    static final boolean TRACE = Boolean.getBoolean("statements");
    // the offered load of the constant-rate run (bookings per second; 0 skips it)
    static final int RATE = Integer.getInteger("rate", 50);
    // -Djobs=false: the confirmation messages are queued but not sent (the runs before 2026-12-05 evening)
    static final boolean JOBS = Boolean.parseBoolean(System.getProperty("jobs", "true"));
    // -Dhold=true: afterwards keep the node, its database and the tables booking-sql.pgbench reads, and print how to
    // replay a script against them (for trying a variant of a booking's SQL on the same server)
    static final boolean HOLD = Boolean.getBoolean("hold");
    static ProcessCpu processes;

    record Run(
            String name,
            long requests,
            long booked,
            long refused,
            long other,
            double seconds,
            double p50,
            double p95,
            double p99,
            double max,
            double drainSeconds,
            double cpuMillis,
            double processCpuMillis,
            long transactions,
            double compilerShare) {

        /** The machine's CPU per request, the work set off after the commits included. */
        double cpuPerRequest() {
            return cpuMillis / requests;
        }

        /** Tenhal's, PostgreSQL's and wrk's CPU per request, the work set off included; no neighbours. */
        double processCpuPerRequest() {
            return processCpuMillis / requests;
        }

        /** PostgreSQL's transactions (commits and rollbacks of Tenhal's database) per request. */
        double transactionsPerRequest() {
            return (double) transactions / requests;
        }
    }

    /** pgbench's result: transactions per second, the machine's CPU per transaction, the mean latency. */
    record Pgbench(double tps, double cpuPerTransaction, double latencyMillis, double processCpuPerTransaction) {
        static final Pgbench NONE = new Pgbench(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public static void main(String[] args) throws Exception {
        if (CLIENTS % THREADS != 0) {
            throw new IllegalArgumentException("clients must be a multiple of threads");
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.hikari.maximum-pool-size=" + POOL,
                "--server.tomcat.threads.max=" + HTTP_THREADS,
                // on a machine shared with other work, many request threads on 6 connections wait longer than the
                // 5 s default at times; a request or listener that gives up is not what this measures
                "--spring.datasource.hikari.connection-timeout=" + Integer.getInteger("poolTimeout", 30_000)));
        // -Dport / -Ddbport: fixed ports for Tenhal and its PostgreSQL on a machine shared with other work
        if (Integer.getInteger("port", 0) > 0) {
            arguments.add("--server.port=" + Integer.getInteger("port"));
        }
        if (Integer.getInteger("dbport", 0) > 0) {
            arguments.add("--tenhal.database.embedded.port=" + Integer.getInteger("dbport"));
        }
        if (TRACE) {
            // The embedded server's own log is lost once pg_ctl has started it (its output pipe closes), so the
            // statements are read from the JDBC driver's log instead; with statements never prepared on the server the
            // driver sends every statement's text, and logs it.
            arguments.add("--spring.datasource.hikari.data-source-properties.prepareThreshold=0");
        }
        // -Dextra="--name=value ...": further settings of the node, for experiments
        for (String setting : System.getProperty("extra", "").trim().split("\\s+")) {
            if (!setting.isEmpty()) {
                arguments.add(setting);
            }
        }
        // -Djobthreads=N: db-scheduler's threads on this node (TENHAL_JOB_THREADS, default 16)
        if (Integer.getInteger("jobthreads", 0) > 0) {
            arguments.add("--db-scheduler.threads=" + Integer.getInteger("jobthreads"));
        }
        if (JOBS) {
            // the confirmation messages are sent (to the outbox) while the bookings run, by the node's own jobs, so
            // their CPU and transactions count; no quiet hours, so that none waits for the morning
            arguments.addAll(List.of(
                    "--tenhal.jobs.execute=true",
                    "--tenhal.notifications.quiet-start=00:00",
                    "--tenhal.notifications.quiet-end=00:00"));
        }
        BenchCentre centre = new BenchCentre(arguments.toArray(String[]::new));
        try {
            ClinicId clinic = centre.clinic("SLP");
            ServiceId service = centre.service(clinic, 30, 0, null);
            List<ProviderId> providers =
                    centre.providers(clinic, CLIENTS + 1, BenchCentre.EVERY_DAY, BenchCentre.hours(6, 22));
            List<UUID> patients = centre.patients(50_000);
            LocalDate firstDay = LocalDate.now(RIYADH).plusDays(2);
            Path data = dataFile(centre, service, providers, patients, firstDay);
            processes = new ProcessCpu(
                    ProcessCpu.postmasterOf(centre.jdbc.queryForObject("select pg_backend_pid()", Long.class)));

            // each run starts a day past the last slot the one before could have reached
            long freeFirst = 0;
            int warmed = 0;
            Run warmUp;
            do {
                int seconds = warmed == 0 ? WARMUP_SECONDS : SECONDS;
                warmUp = run(centre, "warm-up", "free", seconds, freeFirst, data);
                freeFirst += warmUp.requests() / CLIENTS + 2 * SLOTS_PER_DAY;
                warmed += seconds;
            } while (warmed < WARMUP_MAX && warmUp.compilerShare() >= SETTLED);
            System.out.printf(
                    Locale.ROOT,
                    "warmed up for %d s; the JIT compiler's share of the JVM's CPU in its last round: %.1f %%%n",
                    warmed,
                    100 * warmUp.compilerShare());
            if (TRACE) {
                trace(centre, service, providers.get(0), patients.get(patients.size() - 1), firstDay.plusDays(300));
            }
            Run free = run(centre, "free slots", "free", SECONDS, freeFirst, data);
            long contestedFirst = freeFirst + free.requests() / CLIENTS + 2 * SLOTS_PER_DAY;
            Run conflicting = run(centre, "conflicting slots", "conflicting", SECONDS, contestedFirst, data);
            ProviderId contested = providers.get(CLIENTS);
            long steadyFirst = contestedFirst + conflicting.requests() / CLIENTS + 2 * SLOTS_PER_DAY;
            ConstantRate steady = RATE > 0
                    ? ConstantRate.run(centre, service, providers.subList(0, CLIENTS), patients, firstDay, steadyFirst)
                    : null;
            if (steady != null) {
                drain(centre);
            }
            Messages messages = Messages.count(centre);

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

            boolean compare = Boolean.parseBoolean(System.getProperty("pgbench", "true"));
            if (compare && JOBS) {
                // the node's work is done (drained above): its scheduler must neither poll while pgbench is measured
                // nor pick the delivery jobs the replayed booking SQL schedules, which pgbench's own statements run
                centre.app
                        .getBean(com.github.kagkarlsson.scheduler.Scheduler.class)
                        .pause();
            }
            Server server = Server.of(centre.jdbcUrl);
            Pgbench pgbench = compare ? pgbench(server, centre.jdbc) : Pgbench.NONE;
            Pgbench sql = compare ? bookingSql(server, centre.jdbc, providers, patients) : Pgbench.NONE;

            StringBuilder out = new StringBuilder();
            out.append(String.format(
                    Locale.ROOT,
                    "%nBooking over HTTP from wrk (%d threads), %d clients, %d s each after %d s warm-up; pgbench"
                            + " TPC-B-like -c %d -j 2 -T %d (scale %d) on the same embedded PostgreSQL%n%n",
                    THREADS,
                    CLIENTS,
                    SECONDS,
                    warmed,
                    CLIENTS,
                    SECONDS,
                    SCALE));
            out.append("| run | requests/s | booked/s | 201 | 409 | other | p50 ms | p95 ms | p99 ms | ratio to pgbench"
                    + " | then until the work set off was done | requests/s counting that time"
                    + " | CPU ms per request (machine, the work set off included)"
                    + " | CPU ms per request (Tenhal, PostgreSQL and wrk only) | transactions per request |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Run r : List.of(free, conflicting)) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %.0f | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.2f | %.1f s | %.0f | %.2f | %.2f | %.2f |%n",
                        r.name(),
                        r.requests() / r.seconds(),
                        r.booked() / r.seconds(),
                        r.booked(),
                        r.refused(),
                        r.other(),
                        r.p50(),
                        r.p95(),
                        r.p99(),
                        (r.requests() / r.seconds()) / pgbench.tps(),
                        r.drainSeconds(),
                        r.requests() / (r.seconds() + r.drainSeconds()),
                        r.cpuPerRequest(),
                        r.processCpuPerRequest(),
                        r.transactionsPerRequest()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| pgbench | %.0f tps | | | | | | | | 1.00 | | | %.2f per transaction | %.2f per transaction | 1 |%n",
                    pgbench.tps(),
                    pgbench.cpuPerTransaction(),
                    pgbench.processCpuPerTransaction()));
            out.append(String.format(
                    Locale.ROOT,
                    "| a booking's SQL alone, from pgbench | %.0f tps | %.0f | | | | | | | %.2f | | | %.2f per booking"
                            + " | %.2f per booking | |%n%n",
                    sql.tps(),
                    sql.tps(),
                    sql.tps() / pgbench.tps(),
                    sql.cpuPerTransaction(),
                    sql.processCpuPerTransaction()));
            out.append(String.format(
                    Locale.ROOT,
                    "Free slots: %.2f ms of the machine's CPU per booked slot = %.1f x pgbench's %.2f ms per TPC-B"
                            + " transaction (the machine's, both measured the same way: pgbench's own process is a"
                            + " child counted only once it has exited, so the process column leaves it out); target at"
                            + " most 8 x. Booked/s %.2f x the booking's SQL alone (target at least 0.8).%n",
                    free.cpuPerRequest(),
                    free.cpuPerRequest() / pgbench.cpuPerTransaction(),
                    pgbench.cpuPerTransaction(),
                    (free.booked() / free.seconds()) / sql.tps()));
            out.append(String.format(
                    Locale.ROOT,
                    "The last row is bench/booking-sql.pgbench: the statements of one booked slot and of the work it"
                            + " sets off, as Tenhal sends them, replayed by pgbench (-M prepared, same clients) with no"
                            + " Tenhal in between; its mean latency %.1f ms (TPC-B's %.1f ms).%n",
                    sql.latencyMillis(),
                    pgbench.latencyMillis()));
            if (steady != null) {
                out.append(steady.describe()).append('\n');
            }
            out.append(messages.describe()).append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "Double bookings found afterwards (provider, room or patient overlaps among active appointments): %d."
                            + " Contested slots tried: about %d; booked: %d, and %d answers were 201 (a booking still in"
                            + " flight when wrk's time ran out is booked, but its answer is not read).%n",
                    doubles,
                    conflicting.requests() / CLIENTS,
                    contestedSlots,
                    conflicting.booked()));
            out.append(String.format(
                    Locale.ROOT,
                    "PostgreSQL settings of every row (Tenhal's and pgbench's: one server): fsync=%s,"
                            + " full_page_writes=%s, synchronous_commit=%s.%n",
                    centre.jdbc.queryForObject("show fsync", String.class),
                    centre.jdbc.queryForObject("show full_page_writes", String.class),
                    centre.jdbc.queryForObject("show synchronous_commit", String.class)));
            System.out.println(out);
            if (HOLD) {
                System.out.println("Held until this process is stopped.");
                Thread.currentThread().join();
            }
        } finally {
            centre.close();
        }
    }

    /** The data bench/booking.lua reads: the token, the service, the providers, the patients, the first slot's time. */
    static Path dataFile(
            BenchCentre centre, ServiceId service, List<ProviderId> providers, List<UUID> patients, LocalDate firstDay)
            throws Exception {
        StringBuilder lua = new StringBuilder("return {\n");
        lua.append("  token = \"").append(centre.token).append("\",\n");
        lua.append("  service = \"").append(service.value()).append("\",\n");
        lua.append("  perThread = ").append(CLIENTS / THREADS).append(",\n");
        lua.append("  firstSlotEpoch = ")
                .append(firstDay.atTime(6, 0).atZone(RIYADH).toEpochSecond())
                .append(",\n");
        lua.append("  contested = \"").append(providers.get(CLIENTS).value()).append("\",\n");
        lua.append("  providers = {");
        providers
                .subList(0, CLIENTS)
                .forEach(p -> lua.append('"').append(p.value()).append("\","));
        lua.append("},\n  patients = {");
        patients.forEach(p -> lua.append('"').append(p).append("\",\n"));
        lua.append("},\n}\n");
        Path file = Files.createTempFile("tenhal-booking", ".lua");
        file.toFile().deleteOnExit();
        Files.writeString(file, lua);
        return file;
    }

    static final Pattern RESULT = Pattern.compile("RESULT requests=(\\d+) seconds=([0-9.]+) created=(\\d+)"
            + " conflicts=(\\d+) other=(\\d+) p50=([0-9.]+) p95=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)");

    /** wrk for {@code seconds} with {@code CLIENTS} connections; then waits until the work set off is done. */
    static Run run(BenchCentre centre, String name, String mode, int seconds, long firstSlot, Path data)
            throws Exception {
        double cpuBefore = MachineCpu.busyMillis();
        double processesBefore = processes.millis();
        double jvmBefore = processes.jvmMillis();
        Map<String, Double> threadsBefore = ProcessCpu.jvmMillisByThread();
        long transactionsBefore = DatabaseTransactions.reported(JdbcClient.create(centre.jdbc));
        String output = exec(List.of(
                "wrk",
                "-t" + THREADS,
                "-c" + CLIENTS,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                Path.of("bench", "booking.lua").toString(),
                "http://127.0.0.1:" + centre.port,
                "--",
                mode,
                data.toString(),
                String.valueOf(firstSlot)));
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no RESULT line in wrk's output:\n" + output);
        }
        // the work each booking sets off after its commit (its confirmation message delivered; a durable listener's, if
        // any) belongs to it: wait until none is left, so that it neither flatters this run nor slows the next one
        double drain = drain(centre);
        long unfinished = centre.jdbc.queryForObject("select count(*) from event_publication", Long.class);
        if (unfinished > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d publications failed or stuck (not waited for; the pool timed out?)%n",
                    name,
                    unfinished);
        }
        double cpu = MachineCpu.busyMillis() - cpuBefore;
        double processCpu = processes.millis() - processesBefore;
        double jvmCpu = processes.jvmMillis() - jvmBefore;
        // the CPU each kind of thread used during the run
        Map<String, Double> threads = new TreeMap<>();
        ProcessCpu.jvmMillisByThread()
                .forEach((kind, millis) -> threads.put(kind, millis - threadsBefore.getOrDefault(kind, 0.0)));
        double jvmThreads =
                threads.values().stream().mapToDouble(Double::doubleValue).sum();
        long transactions = DatabaseTransactions.afterRun(JdbcClient.create(centre.jdbc)) - transactionsBefore;
        Run run = new Run(
                name,
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)),
                Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(7)),
                Double.parseDouble(m.group(8)),
                Double.parseDouble(m.group(9)),
                drain,
                cpu,
                processCpu,
                transactions,
                jvmThreads > 0 ? threads.getOrDefault("JIT compiler", 0.0) / jvmThreads : Double.NaN);
        System.out.printf(
                Locale.ROOT,
                "%s: %d requests in %.1f s (%d created, %d conflicts, %d other; p99 %.1f ms, max %.1f ms), then %.1f s"
                        + " until the work they set off was done; %.2f ms of the machine's CPU per request, %.2f ms of"
                        + " Tenhal's, PostgreSQL's and wrk's (%.2f ms of them Tenhal's JVM and wrk's); %.2f transactions per"
                        + " request%n",
                name,
                run.requests(),
                run.seconds(),
                run.booked(),
                run.refused(),
                run.other(),
                run.p99(),
                run.max(),
                drain,
                run.cpuPerRequest(),
                run.processCpuPerRequest(),
                jvmCpu / run.requests(),
                run.transactionsPerRequest());
        // where the JVM's share went: the JIT compiler and the collector are the JVM's own, not a request's
        StringBuilder byThread = new StringBuilder();
        threads.forEach((kind, millis) -> byThread.append(String.format(
                Locale.ROOT, "%s%s %.2f", byThread.isEmpty() ? "" : ", ", kind, millis / run.requests())));
        System.out.printf(Locale.ROOT, "%s: Tenhal's JVM, ms per request by thread: %s%n", name, byThread);
        return run;
    }

    /**
     * Waits until the work set off by the bookings is done: every publication completed (one whose listener failed
     * waits for the resubmission job, which is off here: it is counted, and so is one left in progress for a minute,
     * instead of being waited for) and, with the jobs on, every confirmation message that is due sent. Returns the
     * seconds it took.
     */
    static double drain(BenchCentre centre) throws InterruptedException {
        long start = System.nanoTime();
        long left = -1;
        long leftSince = System.nanoTime();
        String pending = "select (select count(*) from event_publication where status is distinct from 'FAILED')"
                + (JOBS
                        ? " + (select count(*) from notification_message where status in ('QUEUED', 'SENDING')"
                                + " and send_after <= now())"
                        : "");
        while (true) {
            long now = centre.jdbc.queryForObject(pending, Long.class);
            if (now == 0 || System.nanoTime() - leftSince > 60_000_000_000L) {
                break;
            }
            if (now != left) {
                left = now;
                leftSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Confirmation requests and their messages after all runs: each request's message sent once, or why not. */
    record Messages(long requests, long sentOnce, long notSent, long sentTwice, long sent, long outbox) {
        static Messages count(BenchCentre centre) {
            var row = centre.jdbc.queryForMap("""
                    with sent as (
                        select source, count(*) as n from notification_message
                         where kind = 'appointment-confirmation-request' and status in ('SENT', 'DELIVERED')
                         group by source)
                    select count(*) as requests,
                           count(*) filter (where s.n = 1) as once,
                           count(*) filter (where s.n is null) as never,
                           count(*) filter (where s.n > 1) as twice
                      from appointment_confirmation c
                      left join sent s on s.source = 'ConfirmationRequested:' || c.id || ':0'
                    """);
            return new Messages(
                    ((Number) row.get("requests")).longValue(),
                    ((Number) row.get("once")).longValue(),
                    ((Number) row.get("never")).longValue(),
                    ((Number) row.get("twice")).longValue(),
                    centre.jdbc.queryForObject(
                            "select count(*) from notification_message where status in ('SENT', 'DELIVERED')",
                            Long.class),
                    centre.jdbc.queryForObject("select count(*) from outbox_item", Long.class));
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "Confirmation requests: %d; their message sent once: %d, not sent: %d, sent more than once: %d"
                            + " (jobs %s). Messages sent: %d; items in the outbox: %d.",
                    requests,
                    sentOnce,
                    notSent,
                    sentTwice,
                    JOBS ? "on: sent by the node while the bookings ran" : "off: queued only",
                    sent,
                    outbox);
        }
    }

    /** Commits and rollbacks of Tenhal's database so far, as PostgreSQL's statistics count them. */
    /**
     * One booking, alone, with {@code log_statement = 'all'}: PostgreSQL's log (zonky passes it to the logger
     * {@code io.zonky.test.db.postgres}, at INFO with this option) then lists its statements and transactions, the
     * work set off after the commit included; that is how {@code bench/booking-sql.pgbench} is read.
     */
    static void trace(BenchCentre centre, ServiceId service, ProviderId provider, UUID patient, LocalDate day)
            throws Exception {
        String driver = "org.postgresql.core.v3.QueryExecutorImpl";
        var logging = org.springframework.boot.logging.LoggingSystem.get(BookingBenchmark.class.getClassLoader());
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(driver);
        jul.setLevel(java.util.logging.Level.FINEST);
        logging.setLogLevel(driver, org.springframework.boot.logging.LogLevel.TRACE);
        System.out.println("TRACE start");
        String body = String.format(
                "{\"patientId\":\"%s\",\"serviceId\":\"%s\",\"providerId\":\"%s\",\"startsAt\":\"%s\"}",
                patient,
                service.value(),
                provider.value(),
                day.atTime(10, 0).atZone(RIYADH).toInstant());
        var response = centre.http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + centre.port + "/api/v1/appointments"))
                        .header("Authorization", "Bearer " + centre.token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        System.out.println("TRACE booking answered " + response.statusCode());
        // until the work the booking set off is done: its publications completed and its message sent
        while (centre.jdbc.queryForObject(
                                "select count(*) from event_publication where status is distinct from 'FAILED'",
                                Long.class)
                        > 0
                || centre.jdbc.queryForObject(
                                "select count(*) from notification_message where status in ('QUEUED', 'SENDING')",
                                Long.class)
                        > 0) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        logging.setLogLevel(driver, org.springframework.boot.logging.LogLevel.WARN);
        jul.setLevel(java.util.logging.Level.WARNING);
        System.out.println("TRACE end");
    }

    /** Where pgbench reaches Tenhal's PostgreSQL, from the JDBC URL: host, port, database. */
    record Server(String host, String port, String database) {
        static Server of(String jdbcUrl) {
            Matcher m = Pattern.compile("//([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
            if (!m.find()) {
                throw new IllegalStateException("no host, port and database in " + jdbcUrl);
            }
            return new Server(m.group(1), m.group(2), m.group(3));
        }

        /** pgbench with these arguments against {@code database} of this server. */
        List<String> pgbench(String database, String... arguments) {
            List<String> command = new ArrayList<>(List.of("pgbench", "-h", host, "-p", port, "-U", "postgres"));
            command.addAll(List.of(arguments));
            command.add(database);
            return command;
        }

        /** A pgbench run at {@code CLIENTS} clients for {@code SECONDS}, with these arguments besides. */
        List<String> pgbenchRun(String database, String... arguments) {
            List<String> run =
                    new ArrayList<>(List.of("-c", String.valueOf(CLIENTS), "-j", "2", "-T", String.valueOf(SECONDS)));
            run.addAll(List.of(arguments));
            return pgbench(database, run.toArray(String[]::new));
        }
    }

    /** pgbench TPC-B-like at the same number of clients, on a database of its own in the same server. */
    static Pgbench pgbench(Server server, JdbcTemplate jdbc) throws Exception {
        jdbc.execute("drop database if exists pgbench");
        jdbc.execute("create database pgbench");
        exec(server.pgbench("pgbench", "-i", "-q", "-s", String.valueOf(SCALE)));
        return measure(server.pgbenchRun("pgbench"));
    }

    /**
     * A booked slot's SQL as Tenhal sends it ({@code bench/booking-sql.pgbench}), replayed by pgbench on Tenhal's own
     * database with no Tenhal in between: the most any implementation with these statements could book on this
     * machine, and so the part of the target that is PostgreSQL's.
     */
    static Pgbench bookingSql(Server server, JdbcTemplate jdbc, List<ProviderId> providers, List<UUID> patients)
            throws Exception {
        jdbc.execute("create table bench_patient (n int primary key, id uuid not null)");
        jdbc.execute("create table bench_provider (n int primary key, id uuid not null)");
        jdbc.execute("create sequence bench_slot");
        List<Object[]> numbered = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            numbered.add(new Object[] {i + 1, patients.get(i)});
        }
        jdbc.batchUpdate("insert into bench_patient values (?, ?)", numbered);
        numbered.clear();
        for (int i = 0; i < CLIENTS; i++) {
            numbered.add(new Object[] {i, providers.get(i).value()});
        }
        jdbc.batchUpdate("insert into bench_provider values (?, ?)", numbered);
        jdbc.execute("analyze bench_patient; analyze bench_provider");
        var booked = jdbc.queryForMap("select clinic_id, service_id, booked_by from appointment limit 1");
        try {
            return measure(server.pgbenchRun(
                    server.database(),
                    "-n", // no vacuum of pgbench's own tables: this database has none
                    "-M",
                    "prepared",
                    "-f",
                    Path.of("bench", "booking-sql.pgbench").toString(),
                    "-D",
                    "clinic=" + booked.get("clinic_id"),
                    "-D",
                    "service=" + booked.get("service_id"),
                    "-D",
                    "booked_by=" + booked.get("booked_by"),
                    "-D",
                    "patients=" + patients.size(),
                    "-D",
                    "providers=" + CLIENTS));
        } finally {
            if (HOLD) {
                System.out.printf(
                        Locale.ROOT,
                        "%nHeld. Replay a script: pgbench -n -M prepared -c %d -j 2 -T %d -f FILE -D clinic=%s"
                                + " -D service=%s -D booked_by=%s -D patients=%d -D providers=%d -h %s -p %s -U postgres"
                                + " %s%n",
                        CLIENTS,
                        SECONDS,
                        booked.get("clinic_id"),
                        booked.get("service_id"),
                        booked.get("booked_by"),
                        patients.size(),
                        CLIENTS,
                        server.host(),
                        server.port(),
                        server.database());
            } else {
                jdbc.execute("drop table bench_patient; drop table bench_provider; drop sequence bench_slot");
            }
        }
    }

    /** Runs pgbench and reads its transactions per second; the machine's CPU per transaction from /proc/stat. */
    static Pgbench measure(List<String> command) throws Exception {
        double cpuBefore = MachineCpu.busyMillis();
        double processesBefore = processes.millis();
        String output = exec(command);
        double cpu = MachineCpu.busyMillis() - cpuBefore;
        double processCpu = processes.millis() - processesBefore;
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        Matcher done =
                Pattern.compile("transactions actually processed: (\\d+)").matcher(output);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(output);
        if (!tps.find() || !done.find() || !latency.find()) {
            throw new IllegalStateException("no tps, transaction count or latency in pgbench's output:\n" + output);
        }
        System.out.println(output);
        return new Pgbench(
                Double.parseDouble(tps.group(1)),
                cpu / Long.parseLong(done.group(1)),
                Double.parseDouble(latency.group(1)),
                processCpu / Long.parseLong(done.group(1)));
    }

    static String exec(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    command.get(0) + " is needed on the path (Debian: apt-get install wrk postgresql-client)", e);
        }
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
