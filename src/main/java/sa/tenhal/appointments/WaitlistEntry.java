package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A patient waiting for a service, with one provider or any, on preferred days and hours, until a date. */
@Entity
@Table(name = "waitlist_entry")
class WaitlistEntry extends StoredRecord<WaitlistEntry> {

    enum Status {
        WAITING,
        OFFERED,
        BOOKED,
        CANCELLED
    }

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID patientId;
    private UUID clinicId;
    private UUID serviceId;
    private UUID providerId;
    private short preferredDays;
    private LocalTime preferredFrom;
    private LocalTime preferredTo;
    private LocalDate waitUntil;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String notes;
    private UUID appointmentId;
    private UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected WaitlistEntry() {}

    WaitlistEntry(
            PatientId patient,
            ClinicId clinic,
            ServiceId service,
            ProviderId provider,
            Set<DayOfWeek> days,
            LocalTime from,
            LocalTime to,
            LocalDate until,
            String notes,
            UUID createdBy,
            Instant now) {
        this.id = Ids.newId();
        this.patientId = patient.value();
        this.clinicId = clinic.value();
        this.serviceId = service.value();
        this.providerId = provider == null ? null : provider.value();
        this.preferredDays = mask(days);
        this.preferredFrom = from;
        this.preferredTo = to;
        this.waitUntil = until;
        this.status = Status.WAITING;
        this.notes = notes;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static short mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (day.getValue() - 1);
        }
        return (short) mask;
    }

    Set<DayOfWeek> days() {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((preferredDays & (1 << (day.getValue() - 1))) != 0) {
                out.add(day);
            }
        }
        return out;
    }

    /** Whether a visit from {@code start} to {@code end} (clinic-local) suits the patient's preferences. */
    boolean suits(ProviderId provider, ZonedDateTime start, ZonedDateTime end) {
        if (providerId != null && !providerId.equals(provider.value())) {
            return false;
        }
        if (waitUntil != null && start.toLocalDate().isAfter(waitUntil)) {
            return false;
        }
        if (!days().contains(start.getDayOfWeek())) {
            return false;
        }
        if (preferredFrom != null && start.toLocalTime().isBefore(preferredFrom)) {
            return false;
        }
        return preferredTo == null || !end.toLocalTime().isAfter(preferredTo);
    }

    void offered(Instant now) {
        this.status = Status.OFFERED;
        this.updatedAt = now;
    }

    /** The offer lapsed or the slot was taken: back in the queue, keeping the place it had. */
    void waitAgain(Instant now) {
        if (status == Status.OFFERED) {
            this.status = Status.WAITING;
            this.updatedAt = now;
        }
    }

    void booked(UUID appointment, Instant now) {
        this.status = Status.BOOKED;
        this.appointmentId = appointment;
        this.updatedAt = now;
    }

    void cancel(Instant now) {
        if (status == Status.BOOKED || status == Status.CANCELLED) {
            throw ConflictException.illegalTransition("waitlist entry", status, "cancel");
        }
        this.status = Status.CANCELLED;
        this.updatedAt = now;
    }

    UUID uuid() {
        return id;
    }

    PatientId patientId() {
        return new PatientId(patientId);
    }

    ServiceId serviceId() {
        return new ServiceId(serviceId);
    }

    Status status() {
        return status;
    }

    WaitlistEntryDetails details() {
        return new WaitlistEntryDetails(
                id,
                patientId(),
                new ClinicId(clinicId),
                serviceId(),
                providerId == null ? null : new ProviderId(providerId),
                days(),
                preferredFrom,
                preferredTo,
                waitUntil,
                status.name(),
                notes,
                appointmentId == null ? null : new AppointmentId(appointmentId),
                createdAt);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
