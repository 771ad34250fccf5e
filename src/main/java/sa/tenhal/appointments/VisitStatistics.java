package sa.tenhal.appointments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * The appointment figures a manager watches over a range of clinic-local days (optionally one clinic): how many were
 * confirmed before the day of the visit, the no-show and cancellation rates, and utilisation — the minutes booked
 * against the minutes a provider works (their weekly hours), and for a room against the hours its clinic is open (the
 * union of its providers' hours).
 */
@Service
@Transactional(readOnly = true)
public class VisitStatistics {

    /** The figures. Rates are shares between 0 and 1, null when there is nothing to divide by. */
    public record Figures(
            LocalDate from,
            LocalDate to,
            long appointments,
            long cancelled,
            long noShows,
            long completed,
            long confirmedBeforeVisitDay,
            BigDecimal confirmedBeforeVisitDayRate,
            BigDecimal noShowRate,
            BigDecimal cancellationRate,
            List<Utilisation> providers,
            List<Utilisation> rooms) {}

    public record Utilisation(
            UUID id, String nameEn, String nameAr, long bookedMinutes, long availableMinutes, BigDecimal rate) {}

    private static final String COUNTS = """
            select count(*) as appointments,
                   count(*) filter (where status = 'CANCELLED') as cancelled,
                   count(*) filter (where status = 'NO_SHOW') as no_shows,
                   count(*) filter (where status = 'COMPLETED') as completed,
                   count(*) filter (where status <> 'CANCELLED' and starts_at < ?) as due,
                   count(*) filter (where status <> 'CANCELLED' and confirmed_at is not null
                       and confirmed_at < date_trunc('day', starts_at at time zone ?) at time zone ?) as confirmed_early
            from appointment
            where starts_at >= ? and starts_at < ? and (cast(? as uuid) is null or clinic_id = cast(? as uuid))
            """;

    private static final String BOOKED = """
            select %s as id, sum(extract(epoch from ends_at - starts_at)) / 60 as minutes
            from appointment
            where starts_at >= ? and starts_at < ? and (cast(? as uuid) is null or clinic_id = cast(? as uuid))
              and status in ('BOOKED', 'CONFIRMED', 'ARRIVED', 'IN_PROGRESS', 'COMPLETED') and %s is not null
            group by %s
            """;

    private final JdbcClient jdbc;
    private final WorkingHoursRepository hours;
    private final ClinicCatalog catalog;
    private final ClinicTime time;

    VisitStatistics(JdbcClient jdbc, WorkingHoursRepository hours, ClinicCatalog catalog, ClinicTime time) {
        this.jdbc = jdbc;
        this.hours = hours;
        this.catalog = catalog;
        this.time = time;
    }

    public Figures between(LocalDate from, LocalDate to, ClinicId clinic) {
        if (from == null || to == null) {
            throw new InvalidFieldsException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldsException("to", "must not be before from");
        }
        if (from.plusDays(400).isBefore(to)) {
            throw new InvalidFieldsException("to", "a range is at most 400 days");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(time.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(time.zone()).toInstant());
        UUID clinicId = clinic == null ? null : clinic.value();
        String zone = time.zone().getId();
        Map<String, Object> counts = jdbc.sql(COUNTS)
                .params(Timestamp.from(time.now()), zone, zone, start, end, clinicId, clinicId)
                .query()
                .singleRow();
        long appointments = number(counts.get("appointments"));
        long cancelled = number(counts.get("cancelled"));
        long noShows = number(counts.get("no_shows"));
        long due = number(counts.get("due"));
        long early = number(counts.get("confirmed_early"));

        List<ClinicDetails> clinics = clinic == null
                ? catalog.clinics(null, true, org.springframework.data.domain.PageRequest.of(0, 500))
                        .getContent()
                : List.of(catalog.clinic(clinic));
        Map<ClinicId, List<ProviderDetails>> providersByClinic = new HashMap<>();
        for (ClinicDetails c : clinics) {
            providersByClinic.put(c.id(), catalog.activeProviders(c.id()));
        }
        List<ProviderDetails> providers = providersByClinic.values().stream()
                .flatMap(Collection::stream)
                .distinct()
                .toList();
        List<WorkingHours> rules =
                hours.ofProviders(providers.stream().map(p -> p.id().value()).toList());

        Map<UUID, Long> bookedByProvider = booked("provider_id", start, end, clinicId);
        List<Utilisation> providerRows = new ArrayList<>();
        for (ProviderDetails p : providers) {
            List<WeeklyInterval> own = rules.stream()
                    .map(WorkingHours::rule)
                    .filter(w -> w.providerId().equals(p.id()))
                    .filter(w -> clinic == null || w.clinicId().equals(clinic))
                    .toList();
            long available = minutes(WeeklyInterval.expand(own, from, to, time.zone()));
            providerRows.add(utilisation(
                    p.id().value(),
                    p.nameEn(),
                    p.nameAr(),
                    bookedByProvider.getOrDefault(p.id().value(), 0L),
                    available));
        }

        Map<UUID, Long> bookedByRoom = booked("room_id", start, end, clinicId);
        List<Utilisation> roomRows = new ArrayList<>();
        for (ClinicDetails c : clinics) {
            List<WeeklyInterval> open = rules.stream()
                    .map(WorkingHours::rule)
                    .filter(w -> w.clinicId().equals(c.id()))
                    .toList();
            long available = minutes(WeeklyInterval.expand(open, from, to, time.zone()));
            for (RoomDetails r : catalog.activeRooms(c.id())) {
                roomRows.add(utilisation(
                        r.id().value(),
                        r.nameEn(),
                        r.nameAr(),
                        bookedByRoom.getOrDefault(r.id().value(), 0L),
                        available));
            }
        }
        return new Figures(
                from,
                to,
                appointments,
                cancelled,
                noShows,
                number(counts.get("completed")),
                early,
                rate(early, appointments - cancelled),
                rate(noShows, due),
                rate(cancelled, appointments),
                providerRows,
                roomRows);
    }

    private Map<UUID, Long> booked(String column, Timestamp start, Timestamp end, UUID clinicId) {
        return jdbc
                .sql(BOOKED.formatted(column, column, column))
                .params(start, end, clinicId, clinicId)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), Math.round(rs.getDouble("minutes"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long minutes(List<Interval> intervals) {
        return intervals.stream()
                .mapToLong(i -> Duration.between(i.start(), i.end()).toMinutes())
                .sum();
    }

    private static Utilisation utilisation(UUID id, String en, String ar, long booked, long available) {
        return new Utilisation(id, en, ar, booked, available, rate(booked, available));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
