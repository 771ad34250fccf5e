package sa.tenhal.finance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.tenhal.TenhalApplication;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.Sex;
import sa.tenhal.shared.Language;
import sa.tenhal.shared.NationalId;

/**
 * 10,000 invoices issued and paid through the API of the running application, by concurrent clients: for each, a
 * draft ({@code POST /api/v1/invoices}), its issue ({@code POST …/issue}, the gapless number) and its payment ({@code
 * POST /api/v1/payments} with an explicit allocation and an {@code Idempotency-Key}). Then checks the numbers are
 * gapless and every invoice is PAID. Not a test: {@code mvn -Pbench -Dbench=sa.tenhal.finance.InvoicingBenchmark
 * test-compile exec:java} ({@code -Dinvoices=N -Dclients=N}). Prints a Markdown table for {@code bench/RESULTS.md}.
 */
public final class InvoicingBenchmark {

    static final int INVOICES = Integer.getInteger("invoices", 10_000);
    static final int CLIENTS = Integer.getInteger("clients", 8);
    static final int PATIENTS = Integer.getInteger("patients", 500);
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern TOTAL = Pattern.compile("\"total\":([0-9.]+)");

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
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            FinanceFixtures f =
                    new FinanceFixtures(app.getBean(CatalogAdministration.class), app.getBean(PatientRegistry.class));
            List<UUID> patients = patients(app.getBean(PatientRegistry.class), f.centre);
            StaffAccounts accounts = app.getBean(StaffAccounts.class);
            var cashier = accounts.create(new NewStaffUser(
                    "bench",
                    "Bench",
                    null,
                    "bench@example.com",
                    Set.of(Role.RECEPTIONIST),
                    Language.EN,
                    "bench-password-1"));
            String token = "Bearer "
                    + accounts.issueToken(cashier.member().id(), "bench", null, null)
                            .token();
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder()
                    .executor(Executors.newFixedThreadPool(CLIENTS))
                    .build();

            // warm-up: 200 invoices, not measured
            run(http, base, token, f, patients, 200, new long[3][200]);
            long[][] nanos = new long[3][INVOICES];
            long started = System.nanoTime();
            run(http, base, token, f, patients, INVOICES, nanos);
            double seconds = (System.nanoTime() - started) / 1e9;

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long paid = jdbc.queryForObject(
                    "select count(*) from invoice where centre_code = ? and status = 'PAID'", Long.class, f.centre);
            Long max = jdbc.queryForObject(
                    "select max(substring(number from '[0-9]+$')::bigint) from invoice where centre_code = ?",
                    Long.class,
                    f.centre);
            long numbered = jdbc.queryForObject(
                    "select count(number) from invoice where centre_code = ?", Long.class, f.centre);

            String[] names = {"create draft", "issue", "pay"};
            StringBuilder table =
                    new StringBuilder("| request | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            long[] all = new long[INVOICES];
            for (int k = 0; k < 3; k++) {
                long[] n = nanos[k].clone();
                Arrays.sort(n);
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                        names[k],
                        n[INVOICES / 2] / 1e6,
                        n[(int) (INVOICES * 0.95)] / 1e6,
                        n[(int) (INVOICES * 0.99)] / 1e6,
                        n[INVOICES - 1] / 1e6));
            }
            for (int i = 0; i < INVOICES; i++) {
                all[i] = nanos[0][i] + nanos[1][i] + nanos[2][i];
            }
            Arrays.sort(all);
            table.append(String.format(
                    Locale.ROOT,
                    "| all three (one invoice) | %.1f | %.1f | %.1f | %.1f |%n",
                    all[INVOICES / 2] / 1e6,
                    all[(int) (INVOICES * 0.95)] / 1e6,
                    all[(int) (INVOICES * 0.99)] / 1e6,
                    all[INVOICES - 1] / 1e6));
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Invoicing: %,d invoices issued and paid by %d concurrent clients in %.1f s: %.0f invoices/s (%.0f"
                            + " requests/s)%n",
                    INVOICES,
                    CLIENTS,
                    seconds,
                    INVOICES / seconds,
                    3 * INVOICES / seconds);
            System.out.printf(
                    "PAID: %,d of %,d; numbers 1..%d, %,d numbered (gapless: %s)%n",
                    paid, INVOICES + 200, max, numbered, max != null && max == numbered);
            System.out.println(table);
        } finally {
            app.close();
        }
    }

    static void run(
            HttpClient http,
            String base,
            String token,
            FinanceFixtures f,
            List<UUID> patients,
            int count,
            long[][] nanos)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    UUID patient = patients.get(i % patients.size());
                    long t0 = System.nanoTime();
                    String draft = post(http, base + "/api/v1/invoices", token, null, """
                            {"patientId":"%s","clinicId":"%s","lines":[{"serviceId":"%s","quantity":%d}]}""".formatted(
                                    patient, f.clinic.id(), (i % 3 == 0 ? f.assessment : f.speech).id(), 1 + i % 2));
                    String id = first(ID, draft);
                    long t1 = System.nanoTime();
                    String issued = post(http, base + "/api/v1/invoices/" + id + "/issue", token, null, "{}");
                    String total = first(TOTAL, issued);
                    long t2 = System.nanoTime();
                    post(
                            http,
                            base + "/api/v1/payments",
                            token,
                            UUID.randomUUID().toString(),
                            """
                            {"patientId":"%s","method":"%s","amount":%s,"allocations":[{"invoiceId":"%s","amount":%s}]}""".formatted(patient, i % 2 == 0 ? "MADA" : "CASH", total, id, total));
                    long t3 = System.nanoTime();
                    nanos[0][i] = t1 - t0;
                    nanos[1][i] = t2 - t1;
                    nanos[2][i] = t3 - t2;
                }
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        clients.shutdown();
    }

    static String post(HttpClient http, String uri, String token, String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }

    /** Patients reachable by SMS only: the benchmark measures billing, not PDF mail (which has its own). */
    static List<UUID> patients(PatientRegistry registry, String centre) {
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < PATIENTS; n++) {
            boolean citizen = n % 2 == 0;
            String first = (citizen ? "1" : "2") + "%08d".formatted(70_000_000 + n);
            PatientDetails p = registry.register(
                    new PatientForm(
                            "سارة",
                            "العتيبي",
                            "Sara",
                            "Bench" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26),
                            LocalDate.of(1980 + n % 20, 1 + n % 12, 1 + n % 28),
                            Sex.FEMALE,
                            citizen ? "SA" : "EG",
                            new PatientForm.IdentityDocumentForm(
                                    citizen ? IdentityDocumentType.NATIONAL_ID : IdentityDocumentType.IQAMA,
                                    first + NationalId.checkDigitFor(first),
                                    null),
                            "055" + "%07d".formatted(1_000_000 + n),
                            null,
                            Language.AR,
                            Set.of(ContactChannel.SMS),
                            List.of(),
                            List.of()),
                    true,
                    centre);
            ids.add(p.id().value());
        }
        return ids;
    }
}
