package sa.tenhal.appointments;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.tenhal.TenhalApplication;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.shared.Language;

/**
 * What the scheduling benchmarks share: Tenhal started on a fresh embedded PostgreSQL, a clinic with providers and a
 * service, patients made in bulk by SQL, a receptionist's bearer token, and an HTTP client.
 */
final class BenchCentre implements AutoCloseable {

    final ConfigurableApplicationContext app;
    final JdbcTemplate jdbc;
    final int port;
    final String token;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String jdbcUrl;

    BenchCentre(String... extraArgs) throws Exception {
        String dataDir = java.nio.file.Files.createTempDirectory("tenhal-bench")
                .resolve("postgres")
                .toString();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tenhal.demo.enabled=false",
                "--tenhal.database.url=",
                "--tenhal.database.embedded.data-directory=" + dataDir,
                "--tenhal.jobs.execute=false",
                "--management.health.db-scheduler.enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        // a benchmark's own argument replaces a default one (Spring would join two values of one name with a comma)
        for (String extra : extraArgs) {
            String name = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(name));
            args.add(extra);
        }
        app = SpringApplication.run(TenhalApplication.class, args.toArray(String[]::new));
        jdbc = app.getBean(JdbcTemplate.class);
        try (var c = jdbc.getDataSource().getConnection()) {
            jdbcUrl = c.getMetaData().getURL();
        }
        port = Integer.parseInt(app.getBean(Environment.class).getProperty("local.server.port"));
        StaffAccounts accounts = app.getBean(StaffAccounts.class);
        var reception = accounts.create(new NewStaffUser(
                "bench",
                "Bench",
                null,
                "bench@example.com",
                Set.of(Role.RECEPTIONIST),
                Language.EN,
                "bench-password-1"));
        token = accounts.issueToken(reception.member().id(), "bench", null, null)
                .token();
        app.getBean(CatalogAdministration.class)
                .createCentre(new CentreForm(
                        "BNC", "Bench centre", "مركز", null, null, null, null, null, null, "Riyadh", null));
    }

    ClinicId clinic(String code) {
        return app.getBean(CatalogAdministration.class)
                .createClinic(new ClinicForm("BNC", code, "Clinic " + code, "عيادة", Discipline.SPEECH_LANGUAGE, null))
                .id();
    }

    ServiceId service(ClinicId clinic, int minutes, int buffer, RoomKind kind) {
        return app.getBean(CatalogAdministration.class)
                .createService(new ServiceForm(
                        clinic.value(),
                        "SES",
                        "Session",
                        "جلسة",
                        minutes,
                        buffer,
                        new BigDecimal("350.00"),
                        VatCategory.STANDARD,
                        kind))
                .id();
    }

    /** Providers working the given days and hours in the clinic. */
    List<ProviderId> providers(ClinicId clinic, int count, Set<DayOfWeek> days, List<Schedules.TimeRange> hours) {
        StaffAccounts accounts = app.getBean(StaffAccounts.class);
        CatalogAdministration admin = app.getBean(CatalogAdministration.class);
        Schedules schedules = app.getBean(Schedules.class);
        List<ProviderId> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "provider" + PROVIDER_SEQUENCE.incrementAndGet();
            var user = accounts.create(new NewStaffUser(
                    name, "Provider " + i, null, name + "@example.com", Set.of(Role.PROVIDER), Language.EN, null));
            ProviderId id = admin.createProvider(new ProviderForm(
                            user.member().id().value(),
                            "Provider " + i,
                            "معالج",
                            "SCFHS-" + i,
                            "SLP",
                            Set.of(clinic.value())))
                    .id();
            schedules.addWorkingHours(
                    id, new Schedules.WeeklySchedule(clinic, LocalDate.now().minusYears(1), null, days, hours));
            out.add(id);
        }
        return out;
    }

    private static final java.util.concurrent.atomic.AtomicInteger PROVIDER_SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger();

    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** {@code count} patients inserted by SQL (the registry's rules are not what is measured here). */
    List<UUID> patients(int count) {
        jdbc.update("""
                insert into patient (id, mrn, given_name_en, family_name_en, birth_date, sex, nationality, id_type,
                    id_number, preferred_language, channels, mobile, status, search_text, created_at, updated_at)
                select gen_random_uuid(), 'B' || lpad(n::text, 9, '0'), 'Bench', 'Patient ' || n, date '2015-01-01',
                    'FEMALE', 'SA', 'PASSPORT', 'P' || n, 'EN', 'SMS', '+9665' || lpad(n::text, 8, '0'), 'ACTIVE',
                    'bench patient ' || n, now(), now()
                  from generate_series(1, ?) n
                """, count);
        return jdbc.queryForList("select id from patient where mrn like 'B%' order by mrn", UUID.class);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6;
    }

    static List<Schedules.TimeRange> hours(int from, int to) {
        return List.of(new Schedules.TimeRange(LocalTime.of(from, 0), LocalTime.of(to, 0)));
    }

    @Override
    public void close() {
        app.close();
    }
}
