package sa.tenhal.visits;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalApplication;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.shared.Language;

/**
 * Opening the profile of a patient with five years of visits (300 visit records with their notes and diagnoses, 1,000
 * measurings of vitals), measured end to end over HTTP against the running application on its embedded PostgreSQL: the
 * profile page (signed in through the form, as a browser) and the summary API. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.visits.ClinicalRecordBenchmark test-compile exec:java}.
 */
public final class ClinicalRecordBenchmark {

    static final int VISITS = Integer.getInteger("visits", 300);
    static final int VITALS = Integer.getInteger("vitals", 1_000);
    static final int SAMPLES = Integer.getInteger("samples", 500);
    static final int WARMUP = Integer.getInteger("warmup", 200);

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
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            CatalogAdministration catalog = app.getBean(CatalogAdministration.class);
            catalog.createCentre(
                    new CentreForm("BENCH", "Bench", "مقياس", null, null, null, null, null, null, null, null));
            ClinicDetails speech = catalog.createClinic(
                    new ClinicForm("BENCH", "SP", "Speech", "النطق", Discipline.SPEECH_LANGUAGE, null));
            ClinicDetails nursing =
                    catalog.createClinic(new ClinicForm("BENCH", "NU", "Nursing", "التمريض", Discipline.NURSING, null));
            PatientDetails child = app.getBean(PatientRegistry.class).register(TestPatientForms.child(), true, "BENCH");
            seed(jdbc, child.id().value(), speech.id().value(), nursing.id().value());
            PatientDetails newcomer =
                    app.getBean(PatientRegistry.class).register(TestPatientForms.child(), true, "BENCH");
            jdbc.sql("vacuum analyze visit_record").update();
            jdbc.sql("vacuum analyze visit_vitals").update();
            jdbc.sql("vacuum analyze visit_diagnosis").update();

            StaffAccounts accounts = app.getBean(StaffAccounts.class);
            var manager = accounts.create(new NewStaffUser(
                    "bench",
                    "Bench",
                    null,
                    "bench@example.com",
                    Set.of(Role.MANAGER),
                    Language.EN,
                    "bench-password-1"));
            String token = accounts.issueToken(manager.member().id(), "bench", null, null)
                    .token();
            int port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            signIn(http, base, "bench", "bench-password-1");

            HttpRequest page = HttpRequest.newBuilder(
                            URI.create(base + "/patients/" + child.id().value()))
                    .header("Accept", "text/html")
                    .build();
            HttpRequest baseline = HttpRequest.newBuilder(
                            URI.create(base + "/patients/" + newcomer.id().value()))
                    .header("Accept", "text/html")
                    .build();
            HttpRequest summary = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/patients/" + child.id().value() + "/summary"))
                    .header("Authorization", "Bearer " + token)
                    .build();
            String body = http.send(page, HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("clinical-record") || !body.contains("data-points=")) {
                throw new IllegalStateException("the profile does not show the clinical record");
            }
            StringBuilder table =
                    new StringBuilder("| request | p50 ms | p95 ms | p99 ms | bytes |\n|---|---|---|---|---|\n");
            for (var run : new Object[][] {
                {"profile page (HTML), 300 visits and 1,000 vitals", page},
                {"profile page (HTML) of a patient with no visit (baseline)", baseline},
                {"patient summary (API, JSON), 300 visits and 1,000 vitals", summary}
            }) {
                HttpRequest request = (HttpRequest) run[1];
                for (int i = 0; i < WARMUP; i++) {
                    http.send(request, HttpResponse.BodyHandlers.ofString());
                }
                long[] nanos = new long[SAMPLES];
                int bytes = 0;
                for (int i = 0; i < SAMPLES; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(run[0] + ": " + response.statusCode());
                    }
                    bytes = response.body().length();
                }
                Arrays.sort(nanos);
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f | %.1f | %,d |%n",
                        run[0],
                        nanos[SAMPLES / 2] / 1e6,
                        nanos[(int) (SAMPLES * 0.95)] / 1e6,
                        nanos[(int) (SAMPLES * 0.99)] / 1e6,
                        bytes));
            }
            // the data the profile's panel reads, in-process: what the database and the module cost without HTTP
            // and rendering
            VisitsSummary panel = app.getBean(VisitsSummary.class);
            var sight = new sa.tenhal.patients.PatientSight(
                    child.id(), java.util.EnumSet.allOf(sa.tenhal.patients.PatientData.class), false);
            for (int i = 0; i < WARMUP; i++) {
                panel.contribute(sight);
            }
            long[] nanos = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long t0 = System.nanoTime();
                panel.contribute(sight);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            table.append(String.format(
                    Locale.ROOT,
                    "| the panel's data in-process (5 queries, no HTTP, no rendering) | %.1f | %.1f | %.1f | — |%n",
                    nanos[SAMPLES / 2] / 1e6,
                    nanos[(int) (SAMPLES * 0.95)] / 1e6,
                    nanos[(int) (SAMPLES * 0.99)] / 1e6));
            System.out.println();
            System.out.printf(
                    "Clinical record: %d visits, %d vitals, %d samples after %d warm-up, one client%n",
                    VISITS, VITALS, SAMPLES, WARMUP);
            System.out.println(table);
            if (Boolean.getBoolean("hold")) {
                System.out.println("Holding: app port " + port + " patient " + child.id() + " baseline " + newcomer.id()
                        + " token " + token);
                Thread.sleep(Long.MAX_VALUE);
            }
        } finally {
            app.close();
        }
    }

    /** Five years of visits: one in six is nursing with vitals; the rest speech sessions; diagnoses on many. */
    static void seed(JdbcClient jdbc, UUID patient, UUID speech, UUID nursing) {
        Instant now = Instant.now();
        Instant start = now.minus(5 * 365, ChronoUnit.DAYS);
        UUID[] visits = new UUID[VISITS];
        for (int i = 0; i < VISITS; i++) {
            UUID id = UUID.randomUUID();
            visits[i] = id;
            boolean nurse = i % 6 == 0;
            Instant at = start.plus((long) i * 5 * 365 / VISITS, ChronoUnit.DAYS);
            jdbc.sql("""
                            insert into visit_record (id, appointment_id, patient_id, clinic_id, discipline, note_kind,
                                visit_at, reason, subjective, assessment, plan, activities, home_programme, opened_at,
                                signed_at, signed_by_name, updated_at)
                            values (:id, :a, :p, :c, :d, :k, :at, 'Weekly session', :s, :as, :pl, :act, :home, :at, :at,
                                'Sara Speech', :at)
                            """)
                    .param("id", id)
                    .param("a", UUID.randomUUID())
                    .param("p", patient)
                    .param("c", nurse ? nursing : speech)
                    .param("d", nurse ? "NURSING" : "SPEECH_LANGUAGE")
                    .param("k", nurse ? "SOAP" : "SESSION")
                    .param("at", Timestamp.from(at))
                    .param("s", nurse ? "Parents report good appetite. ".repeat(5) : null)
                    .param("as", nurse ? "Growing along the curve." : null)
                    .param("pl", nurse ? "Review in three months." : null)
                    .param("act", nurse ? null : "Picture cards, mirror work, turn-taking games. ".repeat(6))
                    .param("home", nurse ? null : "Practise ten minutes a day.")
                    .update();
            if (i % 3 == 0) {
                jdbc.sql("""
                                insert into visit_diagnosis (id, visit_id, patient_id, code, title_en, title_ar, rank,
                                    recorded_at)
                                values (:id, :v, :p, 'F80.1', 'Expressive language disorder', 'اضطراب اللغة التعبيرية',
                                    'PRIMARY', :at)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("v", id)
                        .param("p", patient)
                        .param("at", Timestamp.from(at))
                        .update();
            }
        }
        LocalDate birth = LocalDate.now().minusYears(6);
        for (int i = 0; i < VITALS; i++) {
            Instant at = start.plus((long) i * 5 * 365 * 24 / VITALS, ChronoUnit.HOURS);
            double months = ChronoUnit.DAYS.between(birth, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC)) / 30.4375;
            Vitals v = DemoVisits.growth(months);
            jdbc.sql("""
                            insert into visit_vitals (id, visit_id, patient_id, measured_at, weight_kg, height_cm,
                                head_cm, temperature_c, heart_rate, respiratory_rate, spo2)
                            values (:id, :v, :p, :at, :w, :h, :head, 36.8, 110, 26, 98)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("v", visits[(int) ((long) i * VISITS / VITALS)])
                    .param("p", patient)
                    .param("at", Timestamp.from(at))
                    .param("w", v.weightKg())
                    .param("h", v.heightCm())
                    .param("head", v.headCircumferenceCm())
                    .update();
        }
    }

    static void signIn(HttpClient http, String base, String username, String password) throws Exception {
        String login = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302
                || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
        }
    }
}
