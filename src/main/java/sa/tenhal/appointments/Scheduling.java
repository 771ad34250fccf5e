package sa.tenhal.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.CareTeams;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStanding;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;

/**
 * The seed's AppointmentService: book (one appointment, or a visit itinerary all or nothing), confirm, reschedule,
 * cancel, check in, start, complete, mark no-show.
 *
 * <p>A booking is checked in its transaction, in this order: the ids name active things that fit together (404,
 * 422); the time is in the future; it lies in the provider's working hours, outside time off and closures (422 unless a
 * manager or admin overrides with a reason); it overlaps no appointment of the provider, the room or the patient (409
 * listing every clash). Advisory locks on the provider, the patient and the rooms, taken before the checks, make
 * bookings that could clash run one after the other; the database's exclusion constraints then make sure nothing
 * slipped in between: the loser of such a race gets the same 409, with the winner's appointment listed.
 */
@Service
public class Scheduling {

    private final Appointments appointments;
    private final AppointmentReschedules reschedules;
    private final Availability availability;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final Reminders reminders;
    private final ClinicTime time;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final PatientAccess access;
    private final CareTeams careTeams;
    private final PatientReads reads;
    private final java.time.Duration noShowGrace;

    Scheduling(
            Appointments appointments,
            AppointmentReschedules reschedules,
            Availability availability,
            ClinicCatalog catalog,
            PatientRegistry patients,
            Reminders reminders,
            ClinicTime time,
            PlatformTransactionManager transactions,
            PatientAccess access,
            CareTeams careTeams,
            PatientReads reads,
            @org.springframework.beans.factory.annotation.Value("${tenhal.appointments.no-show-grace:15m}")
                    java.time.Duration noShowGrace) {
        this.noShowGrace = noShowGrace;
        this.access = access;
        this.careTeams = careTeams;
        this.reads = reads;
        this.appointments = appointments;
        this.reschedules = reschedules;
        this.availability = availability;
        this.catalog = catalog;
        this.patients = patients;
        this.reminders = reminders;
        this.time = time;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Books one appointment. */
    public AppointmentDetails book(Booking booking) {
        return guarded(List.of(booking), () -> tx.execute(status -> place(booking, null, 0, true)));
    }

    /**
     * Books a visit itinerary: several appointments of one patient (e.g. speech 09:00, then OT 09:45) in one
     * transaction, all or none. A refusal names the item ({@code items[i]}) it concerns.
     */
    public List<AppointmentDetails> bookItinerary(PatientId patient, List<Booking> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidFieldsException("items", "at least one appointment is required");
        }
        if (items.size() > 10) {
            throw new InvalidFieldsException("items", "at most 10 appointments in one itinerary");
        }
        List<Booking> bookings = items.stream()
                .map(b -> new Booking(
                        patient,
                        b.serviceId(),
                        b.providerId(),
                        b.roomId(),
                        b.startsAt(),
                        b.notes(),
                        b.overrideReason()))
                .toList();
        UUID itinerary = sa.tenhal.platform.Ids.newId();
        return guarded(
                bookings,
                () -> tx.execute(status -> {
                    // all items' schedules at once, in key order: locking item by item could deadlock with another
                    // itinerary locking the same schedules in another order
                    availability.lock(schedulesOf(bookings));
                    List<AppointmentDetails> out = new ArrayList<>();
                    for (int i = 0; i < bookings.size(); i++) {
                        try {
                            out.add(place(bookings.get(i), itinerary, i, false));
                        } catch (sa.tenhal.platform.ProblemException e) {
                            e.with("item", i);
                            throw e;
                        }
                    }
                    return out;
                }));
    }

    /** Books one appointment (of an itinerary); {@code lock}: its schedules are not locked yet. */
    private AppointmentDetails place(Booking booking, UUID itinerary, int index, boolean lock) {
        Resolved r = resolve(booking, null, lock);
        Appointment appointment = new Appointment(
                r.placement(),
                booking.patientId(),
                itinerary,
                blankToNull(booking.notes()),
                r.overrideReason(),
                r.insured(),
                Actor.currentUserId(),
                time.now());
        // flush now, so that an exclusion constraint fires here and later items see this one
        AppointmentDetails booked = appointments.saveAndFlush(appointment).details();
        // the clinic looks after the patient from now on: its clinicians see their record
        careTeams.join(booking.patientId(), booked.clinicId().value(), CareTeams.Via.APPOINTMENT, booked.bookedAt());
        return booked;
    }

    /** The outcome of check_conflicts: the rules a booking breaks and the appointments it would overlap. */
    public record Check(List<RuleViolation> violations, List<Conflict> conflicts) {

        public boolean bookable() {
            return violations.isEmpty() && conflicts.isEmpty();
        }
    }

    /**
     * The seed's check_conflicts: everything that stands in a booking's way, without booking. Bad input is refused
     * (404, 422) as when booking.
     */
    public Check check(Booking booking) {
        return readOnly.execute(status -> {
            Located located = locate(booking);
            List<Conflict> conflicts =
                    new ArrayList<>(availability.conflicts(located.placement(), booking.patientId(), null));
            ServiceDetails service = located.service();
            if (located.room() == null
                    && service.roomKind() != null
                    && availability.freeRoom(service, located.placement(), null) == null) {
                conflicts.addAll(roomConflicts(service, located.placement(), booking.patientId(), null));
            }
            return new Check(availability.violations(located.placement()), conflicts);
        });
    }

    /** Confirms (by the given method) and schedules the reminders. */
    public AppointmentDetails confirm(AppointmentId id, ConfirmationMethod method) {
        if (method == null) {
            throw new InvalidFieldsException("method", "is required");
        }
        return change(id, a -> {
            a.confirm(method, time.now());
            reminders.schedule(a);
        });
    }

    /**
     * Moves an appointment to a new start (and optionally another provider or room of the same clinic), checked like
     * a booking; the old time is recorded, confirmed appointments' reminders move with it.
     */
    public AppointmentDetails reschedule(
            AppointmentId id,
            Instant startsAt,
            ProviderId provider,
            RoomId room,
            String reason,
            String overrideReason) {
        // what the move would be, for the answer when a concurrent booking wins the race for the new time
        Booking intended = readOnly.execute(status -> {
            Appointment a = load(id);
            return new Booking(
                    a.patientId(),
                    a.serviceId(),
                    provider == null ? a.providerId() : provider,
                    room,
                    startsAt,
                    null,
                    overrideReason);
        });
        return guarded(
                List.of(intended),
                id.value(),
                () -> tx.execute(status -> {
                    Appointment appointment = load(id);
                    access.require(PatientData.APPOINTMENTS, appointment.patientId());
                    if (!AppointmentStatus.UPCOMING.contains(appointment.status())) {
                        throw sa.tenhal.platform.ConflictException.illegalTransition(
                                "appointment", appointment.status(), "reschedule");
                    }
                    Booking booking = new Booking(
                            appointment.patientId(),
                            appointment.serviceId(),
                            provider == null ? appointment.providerId() : provider,
                            room,
                            startsAt,
                            null,
                            overrideReason);
                    Resolved r = resolve(booking, appointment.uuid(), true);
                    Placement old = appointment.reschedule(r.placement(), r.overrideReason(), time.now());
                    reschedules.save(new AppointmentReschedule(
                            appointment.uuid(),
                            old,
                            r.placement(),
                            blankToNull(reason),
                            Actor.currentUserId(),
                            time.now()));
                    if (appointment.status() == AppointmentStatus.CONFIRMED) {
                        reminders.schedule(appointment);
                    }
                    return appointments.saveAndFlush(appointment).details();
                }));
    }

    /** Cancels with a reason, recording who and whether it was late (under 24 h before the start). */
    public AppointmentDetails cancel(AppointmentId id, String reason) {
        // coded, so that the desk says it in the user's language
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldsException(
                    List.of(FieldProblem.coded("reason", "appointment.cancelReason.required", "is required")));
        }
        if (reason.length() > 300) {
            throw new InvalidFieldsException(List.of(
                    FieldProblem.coded("reason", "appointment.cancelReason.tooLong", "at most 300 characters")));
        }
        return change(id, a -> {
            a.cancel(reason.strip(), Actor.currentUserId(), time.now());
            reminders.cancel(a);
        });
    }

    public AppointmentDetails arrive(AppointmentId id) {
        return change(id, a -> {
            a.arrive(time.now(), time.zone(), noShowGrace);
            reminders.cancel(a);
        });
    }

    public AppointmentDetails start(AppointmentId id) {
        return change(id, a -> a.start(time.now()));
    }

    public AppointmentDetails complete(AppointmentId id) {
        return change(id, a -> a.complete(time.now()));
    }

    public AppointmentDetails markNoShow(AppointmentId id) {
        return change(id, a -> {
            a.markNoShow(time.now());
            reminders.cancel(a);
        });
    }

    /** One appointment, for the work of other modules (not shown to a person as it is: see {@link #view}). */
    public AppointmentDetails get(AppointmentId id) {
        return readOnly.execute(status -> load(id).details());
    }

    /**
     * One appointment for a staff member to read: 403 outside a clinician's care team (docs/security.md); audited as a
     * read of the patient's data.
     */
    public AppointmentDetails view(AppointmentId id) {
        AppointmentDetails appointment = get(id);
        access.require(PatientData.APPOINTMENTS, appointment.patientId());
        reads.viewed("Appointment", id.value(), appointment.patientId().value(), "appointment");
        return appointment;
    }

    /** The appointment's moves, oldest first. */
    public List<AppointmentReschedule.Move> moves(AppointmentId id) {
        return readOnly.execute(status -> {
            access.require(PatientData.APPOINTMENTS, load(id).patientId());
            return reschedules.of(id.value()).stream()
                    .map(AppointmentReschedule::move)
                    .toList();
        });
    }

    private AppointmentDetails change(AppointmentId id, java.util.function.Consumer<Appointment> transition) {
        return tx.execute(status -> {
            Appointment appointment = load(id);
            access.require(PatientData.APPOINTMENTS, appointment.patientId());
            transition.accept(appointment);
            return appointments.save(appointment).details();
        });
    }

    private Appointment load(AppointmentId id) {
        return appointments.findById(id.value()).orElseThrow(() -> new NotFoundException("Appointment", id));
    }

    /** {@code insured}: the patient has a coverage on file (see {@link AppointmentBooked#insured()}). */
    private record Resolved(Placement placement, String overrideReason, boolean insured) {}

    private record Located(Placement placement, ServiceDetails service, RoomDetails room, boolean insured) {}

    /** Validates a booking's fields and ids (422, 404) and works out its time; no rules yet. */
    private Located locate(Booking booking) {
        List<FieldProblem> problems = new ArrayList<>();
        if (booking.patientId() == null) {
            problems.add(new FieldProblem("patientId", "is required"));
        }
        if (booking.serviceId() == null) {
            problems.add(new FieldProblem("serviceId", "is required"));
        }
        if (booking.providerId() == null) {
            problems.add(new FieldProblem("providerId", "is required"));
        }
        if (booking.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "is required"));
        } else if (!booking.startsAt().isAfter(time.now())) {
            problems.add(new FieldProblem("startsAt", "must be in the future"));
        }
        if (booking.notes() != null && booking.notes().length() > 500) {
            problems.add(new FieldProblem("notes", "at most 500 characters"));
        }
        if (booking.overrideReason() != null && booking.overrideReason().length() > 300) {
            problems.add(new FieldProblem("overrideReason", "at most 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        PatientStanding patient = patients.standing(booking.patientId())
                .orElseThrow(() -> new NotFoundException("Patient", booking.patientId()));
        // a clinician books only a patient they look after (or broke the glass for): booking would add them to the
        // care team, so it must not be the way into a record
        access.require(PatientData.APPOINTMENTS, booking.patientId());
        ServiceDetails service = catalog.service(booking.serviceId());
        ProviderDetails provider = catalog.provider(booking.providerId());
        RoomDetails room = booking.roomId() == null ? null : catalog.room(booking.roomId());
        if (patient.status() != PatientStatus.ACTIVE) {
            problems.add(new FieldProblem("patientId", "the patient is archived"));
        }
        if (!service.active()) {
            problems.add(new FieldProblem("serviceId", "the service is inactive"));
        }
        if (!provider.active()) {
            problems.add(new FieldProblem("providerId", "the provider is inactive"));
        } else if (!provider.worksIn(service.clinicId())) {
            problems.add(new FieldProblem("providerId", "the provider does not work in the service's clinic"));
        }
        if (room != null) {
            if (!room.active()) {
                problems.add(new FieldProblem("roomId", "the room is inactive"));
            } else if (!room.clinicId().equals(service.clinicId())) {
                problems.add(new FieldProblem("roomId", "the room is not in the service's clinic"));
            } else if (service.roomKind() != null && room.kind() != service.roomKind()) {
                problems.add(new FieldProblem("roomId", "the service needs a room of kind " + service.roomKind()));
            }
        }
        Instant end = booking.startsAt().plus(service.duration());
        if (!time.local(booking.startsAt())
                .toLocalDate()
                .equals(time.local(end.minusNanos(1)).toLocalDate())) {
            problems.add(new FieldProblem(
                    "startsAt", "the service's " + service.durationMinutes() + " minutes do not fit in the day"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new Located(
                new Placement(
                        service.clinicId(),
                        provider.id(),
                        service.id(),
                        room == null ? null : room.id(),
                        booking.startsAt(),
                        end,
                        end.plus(service.buffer())),
                service,
                room,
                patient.insured());
    }

    /**
     * Checks a booking (or a move of {@code self}) against every rule; returns where it goes. {@code lock}: lock the
     * schedules it takes time of before looking for conflicts (see {@link #lockedConflicts}).
     */
    private Resolved resolve(Booking booking, UUID self, boolean lock) {
        Located located = locate(booking);
        ServiceDetails service = located.service();
        RoomDetails room = located.room();
        Placement placement = located.placement();

        String overrideReason = blankToNull(booking.overrideReason());
        List<RuleViolation> violations = availability.violations(placement);
        if (!violations.isEmpty()) {
            if (overrideReason == null) {
                throw new SchedulingRulesException(violations, false);
            }
            if (!privileged()) {
                throw new SchedulingRulesException(violations, true);
            }
        } else {
            overrideReason = null; // nothing was overridden
        }

        List<Conflict> conflicts = new ArrayList<>(
                lock
                        ? lockedConflicts(booking, placement, self)
                        : availability.conflicts(placement, booking.patientId(), self));
        if (room == null && service.roomKind() != null) {
            RoomId free = availability.freeRoom(service, placement, self);
            if (free == null) {
                conflicts.addAll(roomConflicts(service, placement, booking.patientId(), self));
                if (conflicts.isEmpty()) {
                    throw new InvalidFieldsException(
                            "roomId", "the clinic has no active room of kind " + service.roomKind());
                }
            } else {
                placement = new Placement(
                        placement.clinic(),
                        placement.provider(),
                        placement.service(),
                        free,
                        placement.startsAt(),
                        placement.endsAt(),
                        placement.busyUntil());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new BookingConflictException(conflicts);
        }
        return new Resolved(placement, overrideReason, located.insured());
    }

    /**
     * The conflicts of a placement once the schedules it takes time of are locked (see {@link Occupancy#lock}), so
     * that no clashing booking can commit between this check and this booking's commit. When another booking holds
     * one of the locks, a clash it has already committed is answered at once, without waiting in line behind it.
     */
    private List<Conflict> lockedConflicts(Booking booking, Placement placement, UUID self) {
        Set<UUID> schedules = schedulesOf(List.of(booking));
        if (!availability.tryLock(schedules)) {
            List<Conflict> standing = availability.conflicts(placement, booking.patientId(), self);
            if (!standing.isEmpty()) {
                return standing;
            }
            availability.lock(schedules);
        }
        return availability.conflicts(placement, booking.patientId(), self);
    }

    /**
     * The schedules bookings take time of, as lock ids: each provider and patient, the room asked for or else every
     * room of the kind the service needs. Ids that name nothing are left to the checks.
     */
    private Set<UUID> schedulesOf(List<Booking> bookings) {
        Set<UUID> ids = new java.util.HashSet<>();
        for (Booking b : bookings) {
            if (b.providerId() != null) {
                ids.add(b.providerId().value());
            }
            if (b.patientId() != null) {
                ids.add(b.patientId().value());
            }
            if (b.roomId() != null) {
                ids.add(b.roomId().value());
            } else if (b.serviceId() != null) {
                try {
                    ServiceDetails service = catalog.service(b.serviceId());
                    if (service.roomKind() != null) {
                        availability.roomsOfKind(service.clinicId(), service.roomKind()).stream()
                                .map(r -> r.id().value())
                                .forEach(ids::add);
                    }
                } catch (NotFoundException unknown) {
                    // refused with a clear problem by the checks that follow
                }
            }
        }
        return ids;
    }

    /** When every room of the kind is taken, what takes each of them. */
    private List<Conflict> roomConflicts(ServiceDetails service, Placement placement, PatientId patient, UUID self) {
        List<Conflict> out = new ArrayList<>();
        for (RoomDetails room : availability.roomsOfKind(service.clinicId(), service.roomKind())) {
            Placement in = new Placement(
                    placement.clinic(),
                    placement.provider(),
                    placement.service(),
                    room.id(),
                    placement.startsAt(),
                    placement.endsAt(),
                    placement.busyUntil());
            availability.conflicts(in, patient, self).stream()
                    .filter(c -> c.kind() == Conflict.Kind.ROOM)
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * Runs a booking; when the database's exclusion constraint refuses it (a concurrent booking committed first),
     * answers with the conflicts as they now stand, like the check in code would have.
     */
    private <T> T guarded(List<Booking> bookings, java.util.function.Supplier<T> work) {
        return guarded(bookings, null, work);
    }

    /** As {@link #guarded(List, java.util.function.Supplier)}, for a move of {@code self}. */
    private <T> T guarded(List<Booking> bookings, UUID self, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DataIntegrityViolationException e) {
            if (!isOverlap(e)) {
                throw e;
            }
            List<Conflict> conflicts = readOnly.execute(status -> {
                List<Conflict> found = new ArrayList<>();
                for (Booking b : bookings) {
                    try {
                        resolve(b, self, false);
                    } catch (BookingConflictException clash) {
                        found.addAll(clash.conflicts());
                    } catch (RuntimeException other) {
                        // other refusals are reported by a retry; only the clash matters here
                    }
                }
                return found;
            });
            throw new BookingConflictException(conflicts);
        }
    }

    private static boolean isOverlap(DataIntegrityViolationException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean privileged() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return false;
        }
        for (GrantedAuthority authority : auth.getAuthorities()) {
            String name = authority.getAuthority();
            if ("ROLE_MANAGER".equals(name) || "ROLE_ADMIN".equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
