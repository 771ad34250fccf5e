package sa.tenhal.patients;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.tenhal.TenhalApplication;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.platform.Ids;
import sa.tenhal.shared.Language;

/**
 * Patient search over 200,000 generated patients, measured end to end over HTTP (bearer token, JSON) against the
 * running application on its embedded PostgreSQL. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.patients.PatientSearchBenchmark test-compile exec:java}. Prints p50/p95/p99 per
 * kind of search as a Markdown table for {@code bench/RESULTS.md}.
 */
public final class PatientSearchBenchmark {

    static final int PATIENTS = Integer.getInteger("patients", 200_000);
    static final int SAMPLES = Integer.getInteger("samples", 2_000);
    static final int WARMUP = Integer.getInteger("warmup", 1_000);

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
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long started = System.nanoTime();
            List<PatientForm> generated = generate(jdbc);
            jdbc.execute("vacuum analyze patient");
            jdbc.execute("vacuum analyze patient_guardian");
            System.out.printf("Generated %,d patients in %.1f s%n", PATIENTS, (System.nanoTime() - started) / 1e9);

            StaffAccounts accounts = app.getBean(StaffAccounts.class);
            var admin = accounts.create(new NewStaffUser(
                    "bench",
                    "Bench",
                    null,
                    "bench@example.com",
                    Set.of(Role.RECEPTIONIST),
                    Language.EN,
                    "bench-password-1"));
            String token = accounts.issueToken(admin.member().id(), "bench", null, null)
                    .token();
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));

            Random random = new Random(42);
            Map<String, List<String>> queries = new java.util.LinkedHashMap<>();
            queries.put("name, English (given + family)", new ArrayList<>());
            queries.put("name, Arabic (given + family)", new ArrayList<>());
            queries.put("name, partial (3-5 letters of the family name)", new ArrayList<>());
            queries.put("phone (05… as typed)", new ArrayList<>());
            queries.put("identity number", new ArrayList<>());
            for (int i = 0; i < SAMPLES + WARMUP; i++) {
                PatientForm p = generated.get(random.nextInt(generated.size()));
                queries.get("name, English (given + family)").add(p.givenNameEn() + " " + p.familyNameEn());
                queries.get("name, Arabic (given + family)").add(p.givenNameAr() + " " + p.familyNameAr());
                String family = p.familyNameEn().replace("Al-", "");
                queries.get("name, partial (3-5 letters of the family name)")
                        .add(family.substring(0, Math.min(family.length(), 3 + random.nextInt(3))));
                String phone =
                        p.mobile() != null ? p.mobile() : p.guardians().get(0).phone();
                queries.get("phone (05… as typed)").add(phone);
                queries.get("identity number").add(p.identityDocument().number());
            }

            HttpClient http = HttpClient.newHttpClient();
            StringBuilder table =
                    new StringBuilder("| search | p50 ms | p95 ms | p99 ms | mean hits |\n|---|---|---|---|---|\n");
            for (var entry : queries.entrySet()) {
                List<String> qs = entry.getValue();
                for (int i = 0; i < WARMUP; i++) {
                    call(http, port, token, qs.get(i));
                }
                long[] nanos = new long[SAMPLES];
                long hits = 0;
                java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
                for (int i = 0; i < SAMPLES; i++) {
                    long t0 = System.nanoTime();
                    String body = call(http, port, token, qs.get(WARMUP + i));
                    nanos[i] = System.nanoTime() - t0;
                    hits += count(body);
                    slowest.put(nanos[i], qs.get(WARMUP + i));
                    if (slowest.size() > 5) {
                        slowest.pollFirstEntry();
                    }
                }
                System.out.println("slowest " + entry.getKey() + ": "
                        + slowest.descendingMap().entrySet().stream()
                                .map(e -> e.getValue() + " (" + e.getKey() / 1_000_000 + " ms)")
                                .toList());
                Arrays.sort(nanos);
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                        entry.getKey(),
                        nanos[SAMPLES / 2] / 1e6,
                        nanos[(int) (SAMPLES * 0.95)] / 1e6,
                        nanos[(int) (SAMPLES * 0.99)] / 1e6,
                        (double) hits / SAMPLES));
            }
            System.out.println();
            System.out.printf(
                    "Patient search, %,d patients, %d samples per kind after %d warm-up, page size 20, one client%n",
                    PATIENTS, SAMPLES, WARMUP);
            System.out.println(table);
            if (Boolean.getBoolean("hold")) {
                System.out.println("Holding; database at "
                        + jdbc.getDataSource().getConnection().getMetaData().getURL() + " app port " + port + " token "
                        + token);
                Thread.sleep(Long.MAX_VALUE);
            }
        } finally {
            app.close();
        }
    }

    static String call(HttpClient http, int port, String token, String q) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/patients/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static int count(String body) {
        int n = 0;
        for (int i = body.indexOf("\"mrn\""); i >= 0; i = body.indexOf("\"mrn\"", i + 1)) {
            n++;
        }
        return n;
    }

    /** Inserts the synthetic patients straight into the tables, in batches (the registry would take an hour). */
    static List<PatientForm> generate(JdbcTemplate jdbc) {
        LocalDate today = LocalDate.now();
        Timestamp now = Timestamp.from(Instant.now());
        List<PatientForm> all = new ArrayList<>(PATIENTS);
        List<Object[]> patients = new ArrayList<>();
        List<Object[]> guardians = new ArrayList<>();
        for (int n = 1; n <= PATIENTS; n++) {
            PatientForm f = SyntheticPatients.patient(n, today);
            all.add(f);
            UUID id = Ids.newId();
            String mobile = f.mobile() == null
                    ? null
                    : sa.tenhal.shared.PhoneNumber.parseMobile(f.mobile()).e164();
            patients.add(new Object[] {
                id,
                String.valueOf(1_000_000 + n),
                f.givenNameAr(),
                f.familyNameAr(),
                f.givenNameEn(),
                f.familyNameEn(),
                f.birthDate(),
                f.sex().name(),
                f.nationality(),
                f.identityDocument().type().name(),
                f.identityDocument().number(),
                "SA",
                mobile,
                f.email(),
                f.preferredLanguage().name(),
                "SMS",
                "ACTIVE",
                NameNormalizer.searchText(f.givenNameEn(), f.familyNameEn(), f.givenNameAr(), f.familyNameAr()),
                now,
                now
            });
            for (int g = 0; g < f.guardians().size(); g++) {
                var guardian = f.guardians().get(g);
                guardians.add(new Object[] {
                    Ids.newId(),
                    id,
                    guardian.name(),
                    guardian.relation().name(),
                    sa.tenhal.shared.PhoneNumber.parseMobile(guardian.phone()).e164(),
                    guardian.primaryContact(),
                    g
                });
            }
            if (patients.size() == 5_000) {
                flush(jdbc, patients, guardians);
            }
        }
        flush(jdbc, patients, guardians);
        return all;
    }

    static void flush(JdbcTemplate jdbc, List<Object[]> patients, List<Object[]> guardians) {
        jdbc.batchUpdate("""
                insert into patient (id, mrn, given_name_ar, family_name_ar, given_name_en, family_name_en, birth_date, sex,
                    nationality, id_type, id_number, id_country, mobile, email, preferred_language, channels, status,
                    search_text, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, patients);
        jdbc.batchUpdate("""
                insert into patient_guardian (id, patient_id, name, relation, phone, primary_contact, position)
                values (?, ?, ?, ?, ?, ?, ?)
                """, guardians);
        patients.clear();
        guardians.clear();
    }

    private PatientSearchBenchmark() {}
}
