package sa.tenhal.integrations.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.DatabaseTransactions;
import sa.tenhal.ProcessCpu;
import sa.tenhal.TenhalApplication;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.visits.OrderKind;

/**
 * Results throughput. Not a test: {@code mvn -Pbench -Dbench=sa.tenhal.integrations.results.ResultsBenchmark
 * test-compile exec:java} ({@code -Dmessages=N -Dconnections=N -Dreports=N -Dwarmup=N}).
 *
 * <ol>
 *   <li>MLLP ingest: {@code messages} ORU^R01 (three observations each, matched by record number, name and birth
 *       date) sent over {@code connections} concurrent MLLP connections, each message waiting for its ACK; messages
 *       stored and ACKed per second (target ≥ 200), and that every one is stored once; the CPU per message of
 *       Tenhal's JVM and PostgreSQL ({@code /proc/<pid>/stat}, which the machine's neighbours move far less than the
 *       rate) and of the whole machine, PostgreSQL's transactions per message and the load average. {@code warmup}
 *       messages first (default 0), unmeasured, for a listener as warm as one that has run a while.
 *   <li>FHIR sync: {@code reports} DiagnosticReports (two observations and the patient included) on a local FHIR
 *       server, pulled by one {@code sync-lab-results} run, 100 per page; the wall time and the count.
 * </ol>
 */
public final class ResultsBenchmark {

    static final int MESSAGES = Integer.getInteger("messages", 5_000);
    static final int CONNECTIONS = Integer.getInteger("connections", 4);
    static final int REPORTS = Integer.getInteger("reports", 10_000);
    /** Messages sent (and stored) before the measured ones, for a listener as warm as one that has run a while. */
    static final int WARMUP = Integer.getInteger("warmup", 0);

    /** An ORU^R01 with three numeric observations for {@code p}, its filler order number starting with {@code id}. */
    static String oru(PatientDetails p, String id) {
        return new Oru()
                .patient(
                        p.mrn(),
                        null,
                        p.familyNameEn(),
                        p.givenNameEn(),
                        p.birthDate().toString().replace("-", ""),
                        "F")
                .order(
                        null,
                        id + "-" + UUID.randomUUID(),
                        "24323-8",
                        "CMP",
                        "CH",
                        "F",
                        Oru.nm(
                                1,
                                "2345-7",
                                "Glucose",
                                "5." + Math.abs(id.hashCode()) % 10,
                                "mmol/L",
                                "3.9-6.1",
                                "N",
                                "F"),
                        Oru.nm(2, "2823-3", "Potassium", "4.1", "mmol/L", "3.5-5.1", "N", "F"),
                        Oru.nm(3, "2951-2", "Sodium", "139", "mmol/L", "135-145", "N", "F"))
                .build();
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The machine's busy CPU since boot in milliseconds, all cores (/proc/stat: user nice system irq softirq). */
    static double machineBusyMillis() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .get(0)
                    .trim()
                    .split("\\s+");
            return 10.0
                    * (Long.parseLong(f[1])
                            + Long.parseLong(f[2])
                            + Long.parseLong(f[3])
                            + Long.parseLong(f[6])
                            + Long.parseLong(f[7]));
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public static void main(String[] args) throws Exception {
        String dataDir = java.nio.file.Files.createTempDirectory("tenhal-bench")
                .resolve("postgres")
                .toString();
        ConfigurableApplicationContext app = SpringApplication.run(
                TenhalApplication.class,
                "--server.port=0",
                "--tenhal.demo.enabled=false",
                "--tenhal.database.url=",
                "--tenhal.database.embedded.data-directory=" + dataDir,
                "--tenhal.jobs.execute=false",
                "--tenhal.results.mllp.enabled=true",
                "--tenhal.results.mllp.port=0",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        StringBuilder out = new StringBuilder("| measure | result | target |\n|---|---|---|\n");
        try {
            PatientRegistry registry = app.getBean(PatientRegistry.class);
            List<PatientDetails> patients = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                patients.add(registry.register(TestPatientForms.child(), true, "RYD"));
            }
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int port = app.getBean(MllpListener.class).port();

            // 1. MLLP ingest
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                var in = new java.io.BufferedInputStream(socket.getInputStream());
                for (int w = 0; w < WARMUP; w++) {
                    Mllp.write(socket.getOutputStream(), oru(patients.get(w % patients.size()), "WARMUP-" + w));
                    Mllp.read(in, 1 << 20);
                }
            }
            ProcessCpu processes = new ProcessCpu(ProcessCpu.postmasterOf(
                    jdbc.sql("select pg_backend_pid()").query(Long.class).single()));
            String loadBefore = loadAverage();
            long xactsBefore = DatabaseTransactions.reported(jdbc);
            double processBefore = processes.millis();
            double jvmBefore = processes.jvmMillis();
            double machineBefore = machineBusyMillis();
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger accepted = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                running.add(pool.submit(() -> {
                    try (var socket = new java.net.Socket("127.0.0.1", port)) {
                        socket.setTcpNoDelay(true);
                        var in = new java.io.BufferedInputStream(socket.getInputStream());
                        int n;
                        while ((n = next.getAndIncrement()) < MESSAGES) {
                            String message = oru(patients.get(n % patients.size()), "BENCH-" + n);
                            Mllp.write(socket.getOutputStream(), message);
                            if (Mllp.read(in, 1 << 20).contains("MSA|AA|")) {
                                accepted.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double processCpu = processes.millis() - processBefore;
            double jvmCpu = processes.jvmMillis() - jvmBefore;
            double machineCpu = machineBusyMillis() - machineBefore;
            long xacts = DatabaseTransactions.afterRun(jdbc) - xactsBefore;
            String loadAfter = loadAverage();
            pool.shutdown();
            long stored = jdbc.sql("select count(*) from result_report where external_id like 'BENCH-%'")
                    .query(Long.class)
                    .single();
            out.append("| MLLP ingest: ")
                    .append(MESSAGES)
                    .append(" ORU^R01 (3 OBX) over ")
                    .append(CONNECTIONS)
                    .append(" connections")
                    .append(WARMUP > 0 ? " after " + WARMUP + " warm-up messages" : "")
                    .append(" | ")
                    .append(String.format(
                            "%.0f msg/s (%.1f s), %d AA, %d stored",
                            MESSAGES / seconds, seconds, accepted.get(), stored))
                    .append(" | ≥ 200 msg/s |\n");
            out.append(String.format(
                    "| MLLP ingest: CPU per message (Tenhal's JVM + PostgreSQL, /proc/<pid>/stat) | %.2f ms (JVM %.2f,"
                            + " PostgreSQL %.2f) | — |%n",
                    processCpu / MESSAGES, jvmCpu / MESSAGES, (processCpu - jvmCpu) / MESSAGES));
            out.append(String.format(
                    "| MLLP ingest: machine's busy CPU per message (/proc/stat, neighbours included) | %.2f ms |"
                            + " — |%n",
                    machineCpu / MESSAGES));
            out.append(String.format(
                    "| MLLP ingest: PostgreSQL transactions per message (pg_stat_database) | %.2f | — |%n",
                    (double) xacts / MESSAGES));
            out.append("| MLLP ingest: load average before / after (1, 5, 15 min) | ")
                    .append(loadBefore)
                    .append(" / ")
                    .append(loadAfter)
                    .append(" | — |\n");

            // 2. FHIR sync of REPORTS reports
            try (FhirResultsServer server = new FhirResultsServer(0)) {
                Instant from = Instant.parse("2026-11-01T00:00:00Z");
                for (int i = 0; i < REPORTS; i++) {
                    PatientDetails p = patients.get(i % patients.size());
                    var fp = FhirSamples.patient(
                            "p" + (i % patients.size()),
                            p.mrn(),
                            p.familyNameEn(),
                            p.givenNameEn(),
                            p.birthDate(),
                            "female");
                    var s = FhirSamples.lab(
                            "r" + i,
                            fp,
                            "final",
                            new String[] {"2345-7", "Glucose", "5." + i % 10, "mmol/L", "3.9", "6.1", "N"},
                            new String[] {"2823-3", "Potassium", "4.1", "mmol/L", "3.5", "5.1", null});
                    server.put(s.report(), s.observations(), fp, OrderKind.LAB, from.plusMillis(i * 50L));
                }
                var source = new ResultsProperties.FhirSource("bench-fhir", server.baseUrl(), 100, null);
                long t0 = System.nanoTime();
                var outcome = app.getBean(FhirSync.class).sync(source, OrderKind.LAB);
                double took = (System.nanoTime() - t0) / 1e9;
                long synced = jdbc.sql("select count(*) from result_report where source = 'bench-fhir'")
                        .query(Long.class)
                        .single();
                out.append("| FHIR sync: ")
                        .append(REPORTS)
                        .append(" DiagnosticReports (2 Observations, Patient), 100 per page | ")
                        .append(String.format(
                                "%.1f s (%d pages, %d stored, %.0f reports/s)",
                                took, outcome.pages(), synced, REPORTS / took))
                        .append(" | — |\n");
            }
        } finally {
            System.out.println();
            System.out.println(out);
            app.close();
            System.exit(0);
        }
    }
}
