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
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
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
    private final PatientAccess access;

    Calendar(
            AppointmentSearch search,
            WorkingHoursRepository hours,
            ClinicCatalog catalog,
            ClinicTime time,
            PatientAccess access) {
        this.search = search;
        this.hours = hours;
        this.catalog = catalog;
        this.time = time;
        this.access = access;
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

    /**
     * One appointment on the calendar: ids, time, status (nothing clinical); {@code patientId} is null for a reader
     * outside the patient's care team, who sees the time taken but not by whom.
     */
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
        return new CalendarData(from, to, shown(lanes));
    }

    /** The lanes as far as the signed-in user may see whose appointments they hold. */
    private List<Lane> shown(List<Lane> lanes) {
        if (access.seesEveryone(PatientData.APPOINTMENTS)) {
            return lanes;
        }
        java.util.Set<UUID> visible = access.visible(
                PatientData.APPOINTMENTS,
                lanes.stream()
                        .flatMap(l -> l.appointments().stream())
                        .map(e -> e.patientId().value())
                        .toList());
        return lanes.stream()
                .map(l -> new Lane(
                        l.kind(),
                        l.id(),
                        l.nameEn(),
                        l.nameAr(),
                        l.working(),
                        l.appointments().stream()
                                .map(e -> visible.contains(e.patientId().value())
                                        ? e
                                        : new Entry(
                                                e.id(),
                                                null,
                                                e.providerId(),
                                                e.serviceId(),
                                                e.roomId(),
                                                e.startsAt(),
                                                e.endsAt(),
                                                e.status()))
                                .toList()))
                .toList();
    }

    /** The patients a calendar shows (for the record of who read it). */
    public static List<UUID> patients(CalendarData data) {
        return data.lanes().stream()
                .flatMap(l -> l.appointments().stream())
                .map(Entry::patientId)
                .filter(java.util.Objects::nonNull)
                .map(PatientId::value)
                .distinct()
                .toList();
    }

    private List<Entry> entries(UUID provider, UUID clinic, UUID room, Instant from, Instant to) {
        return search
                .search(null, provider, clinic, room, null, from, to, PageRequest.of(0, 2000, Sort.by("startsAt")))
                .stream()
                .filter(a -> a.status().holdsTime())
                .map(Calendar::entry)
                .toList();
    }

    /**
     * Appointments by any of patient, provider, clinic, room and status, overlapping {@code from} (inclusive) to
     * {@code to} (exclusive); an appointment of a patient outside a clinician's care team shows no patient. Asking for
     * one patient's appointments is refused (403) outside the care team instead.
     */
    public Page<AppointmentDetails> list(
            PatientId patient,
            ProviderId provider,
            ClinicId clinic,
            RoomId room,
            AppointmentStatus status,
            Instant from,
            Instant to,
            Pageable page) {
        if (patient != null) {
            access.require(PatientData.APPOINTMENTS, patient);
        }
        Page<AppointmentDetails> found = search.search(
                        patient == null ? null : patient.value(),
                        provider == null ? null : provider.value(),
                        clinic == null ? null : clinic.value(),
                        room == null ? null : room.value(),
                        status,
                        from == null ? Instant.EPOCH : from,
                        to == null ? Instant.parse("9999-12-31T00:00:00Z") : to,
                        page)
                .map(Appointment::details);
        if (access.seesEveryone(PatientData.APPOINTMENTS)) {
            return found;
        }
        java.util.Set<UUID> visible = access.visible(
                PatientData.APPOINTMENTS,
                found.getContent().stream().map(a -> a.patientId().value()).toList());
        return found.map(a -> visible.contains(a.patientId().value()) ? a : a.withoutPatient());
    }

    static Entry entry(Appointment a) {
        AppointmentDetails d = a.details();
        return new Entry(
                d.id(), d.patientId(), d.providerId(), d.serviceId(), d.roomId(), d.startsAt(), d.endsAt(), d.status());
    }
}
