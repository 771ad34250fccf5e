package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * The seed's get_calendar_slots: a day or a week (Sunday to Saturday) of a clinic, a provider or a room, as lanes of
 * working time and appointments; and appointment lists.
 */
@Service
@Transactional(readOnly = true)
public class Calendar {

    private final AppointmentSearch search;
    private final WorkingHoursRepository hours;
    private final ClinicCatalog catalog;
    private final ClinicTime time;

    Calendar(AppointmentSearch search, WorkingHoursRepository hours, ClinicCatalog catalog, ClinicTime time) {
        this.search = search;
        this.hours = hours;
        this.catalog = catalog;
        this.time = time;
    }

    public enum View {
        DAY,
        WEEK
    }

    /** A calendar: local dates {@code from} to {@code to}, one lane per provider or room. */
    public record CalendarData(LocalDate from, LocalDate to, List<Lane> lanes) {}

    /** A provider's or room's column: when they work (providers) and what is booked. */
    public record Lane(
            String kind, UUID id, String nameEn, String nameAr, List<Span> working, List<Entry> appointments) {}

    public record Span(Instant startsAt, Instant endsAt) {}

    /** One appointment on the calendar: ids, time, status (nothing clinical). */
    public record Entry(
            AppointmentId id,
            PatientId patientId,
            ProviderId providerId,
            sa.tenhal.clinics.ServiceId serviceId,
            RoomId roomId,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status) {}

    /** Exactly one of clinic, provider and room. Cancelled and no-show appointments are left out. */
    public CalendarData calendar(View view, LocalDate date, ClinicId clinic, ProviderId provider, RoomId room) {
        int named = (clinic == null ? 0 : 1) + (provider == null ? 0 : 1) + (room == null ? 0 : 1);
        if (named != 1) {
            throw new InvalidFieldsException("clinicId", "name exactly one of clinicId, providerId and roomId");
        }
        if (date == null) {
            throw new InvalidFieldsException(List.of(new FieldProblem("date", "is required")));
        }
        LocalDate from = view == View.WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)) : date;
        LocalDate to = view == View.WEEK ? from.plusDays(6) : date;
        Instant start = from.atStartOfDay(time.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(time.zone()).toInstant();
        List<Lane> lanes = new ArrayList<>();
        if (room != null) {
            RoomDetails r = catalog.room(room);
            lanes.add(new Lane(
                    "ROOM",
                    r.id().value(),
                    r.nameEn(),
                    r.nameAr(),
                    List.of(),
                    entries(null, null, r.id().value(), start, end)));
        } else {
            List<ProviderDetails> providers = provider != null
                    ? List.of(catalog.provider(provider))
                    : catalog.activeProviders(clinic).stream()
                            .sorted(Comparator.comparing(ProviderDetails::nameEn))
                            .toList();
            for (ProviderDetails p : providers) {
                List<WeeklyInterval> rules = hours.ofProviders(List.of(p.id().value())).stream()
                        .map(WorkingHours::rule)
                        .filter(w -> clinic == null || w.clinicId().equals(clinic))
                        .toList();
                List<Span> working = WeeklyInterval.expand(rules, from, to, time.zone()).stream()
                        .map(i -> new Span(i.start(), i.end()))
                        .toList();
                lanes.add(new Lane(
                        "PROVIDER",
                        p.id().value(),
                        p.nameEn(),
                        p.nameAr(),
                        working,
                        entries(p.id().value(), clinic == null ? null : clinic.value(), null, start, end)));
            }
        }
        return new CalendarData(from, to, lanes);
    }

    private List<Entry> entries(UUID provider, UUID clinic, UUID room, Instant from, Instant to) {
        return search
                .search(null, provider, clinic, room, null, from, to, PageRequest.of(0, 2000, Sort.by("startsAt")))
                .stream()
                .filter(a -> a.status().holdsTime())
                .map(Calendar::entry)
                .toList();
    }

    /** Appointments by any of patient, provider, clinic, room and status, overlapping {@code from} (inclusive) to {@code to} (exclusive). */
    public Page<AppointmentDetails> list(
            PatientId patient,
            ProviderId provider,
            ClinicId clinic,
            RoomId room,
            AppointmentStatus status,
            Instant from,
            Instant to,
            Pageable page) {
        return search.search(
                        patient == null ? null : patient.value(),
                        provider == null ? null : provider.value(),
                        clinic == null ? null : clinic.value(),
                        room == null ? null : room.value(),
                        status,
                        from == null ? Instant.EPOCH : from,
                        to == null ? Instant.parse("9999-12-31T00:00:00Z") : to,
                        page)
                .map(Appointment::details);
    }

    static Entry entry(Appointment a) {
        AppointmentDetails d = a.details();
        return new Entry(
                d.id(), d.patientId(), d.providerId(), d.serviceId(), d.roomId(), d.startsAt(), d.endsAt(), d.status());
    }
}
