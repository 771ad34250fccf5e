package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * An appointment: one patient, one provider, one service, maybe one room, at one time. It owns its state machine;
 * every transition is a guarded method that refuses what its status does not allow (409 naming the status) and
 * registers its event.
 */
@Entity
@Table(name = "appointment")
class Appointment extends StoredRecord<Appointment> {

    /** Cancelling later than this before the start is a late cancellation. */
    static final Duration LATE_CANCELLATION = Duration.ofHours(24);

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID patientId;
    private UUID clinicId;
    private UUID providerId;
    private UUID serviceId;
    private UUID roomId;
    private UUID itineraryId;
    private Instant startsAt;
    private Instant endsAt;
    private Instant busyUntil;

    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;

    private String notes;
    private String overrideReason;
    private UUID bookedBy;
    private Instant bookedAt;
    private Instant confirmedAt;

    @Enumerated(EnumType.STRING)
    private ConfirmationMethod confirmationMethod;

    private Instant arrivedAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant noShowAt;
    private Instant cancelledAt;
    private UUID cancelledBy;
    private String cancelReason;
    private boolean lateCancellation;

    @jakarta.persistence.Column(name = "reminded_24h_at")
    private Instant reminded24hAt;

    @jakarta.persistence.Column(name = "reminded_2h_at")
    private Instant reminded2hAt;

    private Instant updatedAt;

    protected Appointment() {}

    Appointment(
            Placement placement,
            PatientId patient,
            UUID itineraryId,
            String notes,
            String overrideReason,
            boolean insured,
            UUID bookedBy,
            Instant now) {
        this.id = Ids.newId();
        this.patientId = patient.value();
        place(placement);
        this.itineraryId = itineraryId;
        this.status = AppointmentStatus.BOOKED;
        this.notes = notes;
        this.overrideReason = overrideReason;
        this.bookedBy = bookedBy;
        this.bookedAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentBooked(
                id,
                patient,
                clinicId(),
                providerId(),
                serviceId(),
                roomId(),
                itineraryId,
                startsAt,
                endsAt,
                overrideReason != null,
                insured,
                now));
    }

    private void place(Placement placement) {
        this.clinicId = placement.clinic().value();
        this.providerId = placement.provider().value();
        this.serviceId = placement.service().value();
        this.roomId = placement.room() == null ? null : placement.room().value();
        this.startsAt = placement.startsAt();
        this.endsAt = placement.endsAt();
        this.busyUntil = placement.busyUntil();
    }

    void confirm(ConfirmationMethod method, Instant now) {
        require(Set.of(AppointmentStatus.BOOKED), "confirm");
        this.status = AppointmentStatus.CONFIRMED;
        this.confirmationMethod = method;
        this.confirmedAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentConfirmed(id, patientId(), method, startsAt, now));
    }

    /** Moves the appointment, keeping its status; returns the old placement. */
    Placement reschedule(Placement to, String overrideReason, Instant now) {
        require(AppointmentStatus.UPCOMING, "reschedule");
        Placement old = placement();
        place(to);
        if (overrideReason != null) {
            this.overrideReason = overrideReason;
        }
        // a new time has not been reminded of yet
        this.reminded24hAt = null;
        this.reminded2hAt = null;
        this.updatedAt = now;
        registerEvent(new AppointmentRescheduled(
                id,
                patientId(),
                clinicId(),
                old.provider(),
                providerId(),
                serviceId(),
                old.startsAt(),
                old.endsAt(),
                startsAt,
                endsAt,
                overrideReason != null,
                now));
        registerEvent(
                new SlotFreed(id, old.clinic(), old.provider(), old.service(), old.startsAt(), old.endsAt(), now));
        return old;
    }

    void cancel(String reason, UUID by, Instant now) {
        require(AppointmentStatus.UPCOMING, "cancel");
        this.status = AppointmentStatus.CANCELLED;
        this.cancelReason = reason;
        this.cancelledBy = by;
        this.cancelledAt = now;
        this.lateCancellation = now.isAfter(startsAt.minus(LATE_CANCELLATION));
        this.updatedAt = now;
        registerEvent(new AppointmentCancelled(
                id, patientId(), clinicId(), providerId(), serviceId(), startsAt, endsAt, by, lateCancellation, now));
        registerEvent(new SlotFreed(id, clinicId(), providerId(), serviceId(), startsAt, endsAt, now));
    }

    /**
     * The patient is here: only on the appointment's own day (in the clinic's time zone) and no later than its end
     * plus the no-show grace; a check-in for tomorrow's appointment, or for one long over, is refused in words.
     */
    void arrive(Instant now, java.time.ZoneId zone, Duration grace) {
        require(AppointmentStatus.UPCOMING, "check in");
        java.time.LocalDate day = startsAt.atZone(zone).toLocalDate();
        if (!now.atZone(zone).toLocalDate().equals(day)) {
            ConflictException e = new ConflictException(
                    "check-in-not-today",
                    "Not the appointment's day",
                    "A patient can be checked in only on the appointment's day (" + day + ")");
            e.with("appointmentDay", day.toString());
            throw e;
        }
        if (now.isAfter(endsAt.plus(grace))) {
            throw new ConflictException(
                    "check-in-too-late",
                    "Too late to check in",
                    "The appointment ended at " + endsAt.atZone(zone).toLocalTime()
                            + "; a check-in is accepted until " + grace.toMinutes()
                            + " minutes after its end. Book a new time instead.");
        }
        this.status = AppointmentStatus.ARRIVED;
        this.arrivedAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentArrived(id, patientId(), providerId(), now));
    }

    void start(Instant now) {
        require(Set.of(AppointmentStatus.ARRIVED), "start");
        this.status = AppointmentStatus.IN_PROGRESS;
        this.startedAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentStarted(id, patientId(), providerId(), now));
    }

    void complete(Instant now) {
        require(Set.of(AppointmentStatus.IN_PROGRESS), "complete");
        this.status = AppointmentStatus.COMPLETED;
        this.completedAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentCompleted(id, patientId(), clinicId(), providerId(), serviceId(), startsAt, now));
    }

    /** The patient did not come: allowed only once the appointment has started. */
    void markNoShow(Instant now) {
        require(AppointmentStatus.UPCOMING, "mark as no-show");
        if (now.isBefore(startsAt)) {
            throw new ConflictException(
                    "not-started-yet",
                    "Not started yet",
                    "An appointment can be marked as a no-show only after its start (" + startsAt + ")");
        }
        this.status = AppointmentStatus.NO_SHOW;
        this.noShowAt = now;
        this.updatedAt = now;
        registerEvent(new AppointmentMarkedNoShow(
                id, patientId(), clinicId(), providerId(), serviceId(), startsAt, endsAt, now));
    }

    /**
     * Records that the reminder {@code offset} was issued (its event is published in the same transaction), so that it
     * is issued once; false if it already had been. Not that it was sent: when its message left is the delivery log's
     * to say.
     */
    boolean reminded(ReminderOffset offset, Instant now) {
        if (offset == ReminderOffset.H24) {
            if (reminded24hAt != null) {
                return false;
            }
            reminded24hAt = now;
        } else {
            if (reminded2hAt != null) {
                return false;
            }
            reminded2hAt = now;
        }
        return true;
    }

    boolean remindedOf(ReminderOffset offset) {
        return (offset == ReminderOffset.H24 ? reminded24hAt : reminded2hAt) != null;
    }

    /** The survivor of a patient merge takes over the appointment. */
    void repointPatient(PatientId survivor) {
        this.patientId = survivor.value();
    }

    private void require(Set<AppointmentStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw ConflictException.illegalTransition("appointment", status, action);
        }
    }

    Placement placement() {
        return new Placement(clinicId(), providerId(), serviceId(), roomId(), startsAt, endsAt, busyUntil);
    }

    /** The events registered and not yet published (for tests of the state machine). */
    java.util.List<Object> events() {
        return java.util.List.copyOf(domainEvents());
    }

    AppointmentId id() {
        return new AppointmentId(id);
    }

    UUID uuid() {
        return id;
    }

    PatientId patientId() {
        return new PatientId(patientId);
    }

    ClinicId clinicId() {
        return new ClinicId(clinicId);
    }

    ProviderId providerId() {
        return new ProviderId(providerId);
    }

    ServiceId serviceId() {
        return new ServiceId(serviceId);
    }

    RoomId roomId() {
        return roomId == null ? null : new RoomId(roomId);
    }

    AppointmentStatus status() {
        return status;
    }

    Instant startsAt() {
        return startsAt;
    }

    AppointmentDetails details() {
        return new AppointmentDetails(
                id(),
                patientId(),
                clinicId(),
                providerId(),
                serviceId(),
                roomId(),
                itineraryId,
                startsAt,
                endsAt,
                busyUntil,
                status,
                notes,
                overrideReason,
                bookedAt,
                confirmedAt,
                confirmationMethod,
                arrivedAt,
                startedAt,
                completedAt,
                noShowAt,
                cancelledAt,
                cancelReason,
                lateCancellation,
                version);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
