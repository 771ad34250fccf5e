package sa.tenhal.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * The seed's check_availability, check_conflicts and get_available_slots: free slots for a service with one provider
 * or any provider of its clinic, honouring working hours, time off, closures, existing appointments, the service's
 * duration and buffer, and a free room of the kind it needs.
 */
@Service
@Transactional(readOnly = true)
public class Availability {

    /** The longest range one slot search covers. */
    public static final int MAX_DAYS = 31;

    private final ClinicCatalog catalog;
    private final ScheduleRules schedule;
    private final Occupancy occupancy;
    private final ClinicTime time;
    private final Duration step;

    private final PatientAccess access;

    Availability(
            ClinicCatalog catalog,
            ScheduleRules schedule,
            Occupancy occupancy,
            ClinicTime time,
            @Value("${tenhal.appointments.slot-step:15m}") Duration step,
            PatientAccess access) {
        this.access = access;
        this.catalog = catalog;
        this.schedule = schedule;
        this.occupancy = occupancy;
        this.time = time;
        this.step = step;
    }

    /**
     * What to look for: a service; one provider, or null for any provider of the service's clinic; local dates
     * {@code from} to {@code to} inclusive; optionally the patient, whose own appointments then rule slots out.
     */
    public record SlotQuery(
            ServiceId serviceId, ProviderId providerId, LocalDate from, LocalDate to, PatientId patientId) {}

    public List<Slot> slots(SlotQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        if (query.serviceId() == null) {
            problems.add(new FieldProblem("serviceId", "is required"));
        }
        if (query.from() == null) {
            problems.add(new FieldProblem("from", "is required"));
        } else if (query.from().isBefore(time.today())) {
            problems.add(new FieldProblem("from", "must not be in the past"));
        }
        if (query.to() == null) {
            problems.add(new FieldProblem("to", "is required"));
        } else if (query.from() != null && query.to().isBefore(query.from())) {
            problems.add(new FieldProblem("to", "must not be before from"));
        } else if (query.from() != null && ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "at most " + MAX_DAYS + " days from from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (query.patientId() != null) {
            // the answer tells when the patient is busy: theirs to know only for those who see their appointments
            access.require(PatientData.APPOINTMENTS, query.patientId());
        }
        ServiceDetails service = catalog.service(query.serviceId());
        if (!service.active()) {
            throw new InvalidFieldsException("serviceId", "the service is inactive");
        }
        List<ProviderDetails> providers;
        if (query.providerId() != null) {
            ProviderDetails provider = catalog.provider(query.providerId());
            if (!provider.worksIn(service.clinicId())) {
                throw new InvalidFieldsException("providerId", "the provider does not work in the service's clinic");
            }
            providers = provider.active() ? List.of(provider) : List.of();
        } else {
            providers = catalog.activeProviders(service.clinicId());
        }
        Instant from = query.from().atStartOfDay(time.zone()).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(time.zone()).toInstant();
        List<UUID> ids = providers.stream().map(p -> p.id().value()).toList();

        ClinicDetails clinic = catalog.clinic(service.clinicId());
        List<Interval> closed = closed(clinic, from, to);
        schedule.preload(ids);
        // a day later: an appointment just after the range may still clash with a slot's buffer
        Instant busyTo = to.plus(Duration.ofDays(1));
        Map<UUID, List<Interval>> busy = occupancy.providersBusy(ids, from, busyTo, null);

        List<SlotFinder.Candidate> candidates = new ArrayList<>();
        for (ProviderDetails provider : providers) {
            UUID id = provider.id().value();
            List<Interval> unavailable = new ArrayList<>(closed);
            schedule.timeOff(id, from, to).forEach(t -> unavailable.add(new Interval(t.startsAt(), t.endsAt())));
            candidates.add(new SlotFinder.Candidate(
                    provider.id(),
                    WeeklyInterval.expand(
                            schedule.weekly(id, service.clinicId()), query.from(), query.to(), time.zone()),
                    unavailable,
                    busy.getOrDefault(id, List.of())));
        }
        List<SlotFinder.RoomCandidate> rooms = rooms(service, from, busyTo, null);
        List<Interval> patientBusy = query.patientId() == null
                ? List.of()
                : occupancy.patientBusy(query.patientId().value(), from, busyTo, null);
        return SlotFinder.find(
                new SlotFinder.Request(service.duration(), service.buffer(), step, time.now()),
                candidates,
                rooms,
                patientBusy);
    }

    /** The rules a placement breaks: outside the provider's hours in the clinic, in time off, on a closure. */
    List<RuleViolation> violations(Placement placement) {
        List<RuleViolation> out = new ArrayList<>();
        Interval visit = placement.patientTime();
        LocalDate first = time.local(visit.start()).toLocalDate();
        LocalDate last = time.local(visit.end()).toLocalDate();
        UUID provider = placement.provider().value();
        List<Interval> working =
                WeeklyInterval.expand(schedule.weekly(provider, placement.clinic()), first, last, time.zone());
        if (!Intervals.containedInOne(working, visit)) {
            out.add(new RuleViolation(
                    RuleViolation.Rule.OUTSIDE_WORKING_HOURS,
                    "outside the provider's working hours in this clinic",
                    visit.start(),
                    visit.end()));
        }
        for (TimeOffDetails d : schedule.timeOff(provider, visit.start(), visit.end())) {
            out.add(new RuleViolation(RuleViolation.Rule.TIME_OFF, d.reason(), d.startsAt(), d.endsAt()));
        }
        ClinicDetails clinic = catalog.clinic(placement.clinic());
        for (ClosureDetails d : schedule.closures(clinic.centreCode(), clinic.id(), visit.start(), visit.end())) {
            out.add(new RuleViolation(RuleViolation.Rule.CLOSURE, d.reason(), d.startsAt(), d.endsAt()));
        }
        return out;
    }

    /** See {@link Occupancy#lock}. */
    void lock(Collection<UUID> ids) {
        occupancy.lock(ids);
    }

    /** See {@link Occupancy#tryLock}. */
    boolean tryLock(Collection<UUID> ids) {
        return occupancy.tryLock(ids);
    }

    /** Every appointment a placement would overlap (the provider's, the room's, the patient's). */
    List<Conflict> conflicts(Placement placement, PatientId patient, UUID self) {
        return occupancy.conflicts(placement, patient.value(), self);
    }

    /** The rooms of the service's kind, in code order, with their busy time; null when it needs no room. */
    List<SlotFinder.RoomCandidate> rooms(ServiceDetails service, Instant from, Instant to, UUID except) {
        if (service.roomKind() == null) {
            return null;
        }
        List<RoomDetails> rooms = roomsOfKind(service.clinicId(), service.roomKind());
        Map<UUID, List<Interval>> busy =
                occupancy.roomsBusy(rooms.stream().map(r -> r.id().value()).toList(), from, to, except);
        return rooms.stream()
                .map(r -> new SlotFinder.RoomCandidate(r.id(), busy.getOrDefault(r.id().value(), List.of())))
                .toList();
    }

    List<RoomDetails> roomsOfKind(ClinicId clinic, RoomKind kind) {
        return catalog.activeRooms(clinic).stream()
                .filter(r -> r.kind() == kind)
                .sorted(Comparator.comparing(RoomDetails::code))
                .toList();
    }

    /** A free room of the service's kind for a placement, or null. */
    RoomId freeRoom(ServiceDetails service, Placement placement, UUID except) {
        List<SlotFinder.RoomCandidate> rooms = rooms(service, placement.startsAt(), placement.busyUntil(), except);
        return SlotFinder.freeRoom(rooms, placement.busyTime());
    }

    private List<Interval> closed(ClinicDetails clinic, Instant from, Instant to) {
        return schedule.closures(clinic.centreCode(), clinic.id(), from, to).stream()
                .map(c -> new Interval(c.startsAt(), c.endsAt()))
                .toList();
    }
}
