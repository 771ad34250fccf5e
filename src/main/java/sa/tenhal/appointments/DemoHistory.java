package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.CareTeams;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * The demo centre's last 90 days (issue 20), so that the dashboard and the reports mean something on the first start:
 * on each working day every clinic saw two or three patients — most visits completed, some cancelled (a few late), some
 * no-shows. Written as the history it is, straight into the table, without the events a live visit publishes: nothing
 * is re-announced, re-reminded or re-billed for a visit months ago (the demo's invoices are {@code FinanceDemo}'s).
 * Deterministic: the same centre gets the same history.
 */
@Component
@DemoData
@Order(45)
class DemoHistory implements ApplicationRunner {

    static final int DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final CareTeams careTeams;
    private final ClinicTime time;
    private final String centreCode;

    DemoHistory(
            JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate jdbcTemplate,
            ClinicCatalog catalog,
            PatientRegistry patients,
            CareTeams careTeams,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.catalog = catalog;
        this.patients = patients;
        this.careTeams = careTeams;
        this.time = time;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Instant today = time.today().atStartOfDay(time.zone()).toInstant();
        if (jdbc.sql("select exists (select 1 from appointment where starts_at < :today)")
                .param("today", ts(today))
                .query(Boolean.class)
                .single()) {
            return;
        }
        List<PatientDetails> people =
                patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 50)).getContent();
        List<ClinicDetails> clinics =
                catalog.clinics(centreCode, true, PageRequest.of(0, 50)).getContent();
        if (people.isEmpty() || clinics.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        java.util.Map<String, Instant> teams = new java.util.LinkedHashMap<>();
        int next = 0;
        List<List<ProviderDetails>> providersOf = new ArrayList<>();
        List<List<ServiceDetails>> servicesOf = new ArrayList<>();
        for (ClinicDetails clinic : clinics) {
            providersOf.add(catalog.activeProviders(clinic.id()));
            servicesOf.add(
                    catalog.services(clinic.id(), true, PageRequest.of(0, 10)).getContent());
        }
        for (int ago = DAYS; ago >= 1; ago--) {
            LocalDate day = time.today().minusDays(ago);
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                continue;
            }
            for (int c = 0; c < clinics.size(); c++) {
                ClinicDetails clinic = clinics.get(c);
                List<ProviderDetails> providers = providersOf.get(c);
                List<ServiceDetails> services = servicesOf.get(c);
                if (providers.isEmpty() || services.isEmpty()) {
                    continue;
                }
                int visits = 2 + (ago + c) % 2;
                for (int v = 0; v < visits; v++) {
                    // each clinic its own hour band, each visit its own hour: no one is in two places at once
                    ProviderDetails provider = providers.get(v % providers.size());
                    ServiceDetails service = services.get((ago + v) % services.size());
                    PatientDetails patient = people.get(next++ % people.size());
                    Instant starts = day.atTime(8 + v * 3 + (c % 3), 0)
                            .atZone(time.zone())
                            .toInstant();
                    rows.add(row(patient, clinic, provider, service, starts, outcome(ago, c, v)));
                    teams.putIfAbsent(patient.id().value() + "/" + clinic.id().value(), starts);
                }
            }
        }
        // one batch for the lot: a thousand single inserts would add seconds to every first start
        jdbcTemplate.batchUpdate(INSERT, rows);
        teams.forEach((key, at) -> {
            String[] ids = key.split("/");
            careTeams.join(
                    new sa.tenhal.patients.PatientId(UUID.fromString(ids[0])),
                    UUID.fromString(ids[1]),
                    CareTeams.Via.APPOINTMENT,
                    at);
        });
        log.info("Demo history: {} past visits over the last {} days", rows.size(), DAYS);
    }

    /** Mostly completed; about one in eight cancelled, one in ten a no-show (fixed by the position, not random). */
    static AppointmentStatus outcome(int ago, int clinic, int visit) {
        int k = (ago * 7 + clinic * 3 + visit * 5) % 40;
        if (k < 5) {
            return AppointmentStatus.CANCELLED;
        }
        if (k < 9) {
            return AppointmentStatus.NO_SHOW;
        }
        return AppointmentStatus.COMPLETED;
    }

    /** One past visit as the row the table holds (the column order of {@link #INSERT}). */
    private Object[] row(
            PatientDetails patient,
            ClinicDetails clinic,
            ProviderDetails provider,
            ServiceDetails service,
            Instant starts,
            AppointmentStatus status) {
        Instant ends = starts.plus(Duration.ofMinutes(service.durationMinutes()));
        boolean completed = status == AppointmentStatus.COMPLETED;
        boolean cancelled = status == AppointmentStatus.CANCELLED;
        boolean late = cancelled && starts.getEpochSecond() % 3 == 0;
        return new Object[] {
            UUID.randomUUID(),
            patient.id().value(),
            clinic.id().value(),
            provider.id().value(),
            service.id().value(),
            ts(starts),
            ts(ends),
            ts(ends.plus(Duration.ofMinutes(service.bufferMinutes()))),
            status.name(),
            ts(starts.minus(Duration.ofDays(6))),
            cancelled ? null : ts(starts.minus(Duration.ofDays(1))),
            cancelled ? null : ConfirmationMethod.LINK.name(),
            completed ? ts(starts.minus(Duration.ofMinutes(10))) : null,
            completed ? ts(starts) : null,
            completed ? ts(ends) : null,
            status == AppointmentStatus.NO_SHOW ? ts(starts.plus(Duration.ofMinutes(15))) : null,
            cancelled ? ts(late ? starts.minus(Duration.ofHours(3)) : starts.minus(Duration.ofDays(2))) : null,
            cancelled ? "Family travel" : null,
            late,
            ts(completed ? ends : starts)
        };
    }

    static final String INSERT = """
            insert into appointment (id, patient_id, clinic_id, provider_id, service_id, starts_at, ends_at, busy_until,
                status, booked_at, confirmed_at, confirmation_method, arrived_at, started_at, completed_at, no_show_at,
                cancelled_at, cancel_reason, late_cancellation, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static java.time.OffsetDateTime ts(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
