package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** One move of an appointment, with the time it had before. */
@Entity
@Table(name = "appointment_reschedule")
class AppointmentReschedule extends StoredRecord<AppointmentReschedule> {

    @Id
    private UUID id;

    private UUID appointmentId;
    private Instant oldStartsAt;
    private Instant oldEndsAt;
    private Instant newStartsAt;
    private Instant newEndsAt;
    private String reason;
    private UUID rescheduledBy;
    private Instant rescheduledAt;

    protected AppointmentReschedule() {}

    AppointmentReschedule(UUID appointmentId, Placement old, Placement now, String reason, UUID by, Instant at) {
        this.id = Ids.newId();
        this.appointmentId = appointmentId;
        this.oldStartsAt = old.startsAt();
        this.oldEndsAt = old.endsAt();
        this.newStartsAt = now.startsAt();
        this.newEndsAt = now.endsAt();
        this.reason = reason;
        this.rescheduledBy = by;
        this.rescheduledAt = at;
    }

    Move move() {
        return new Move(oldStartsAt, oldEndsAt, newStartsAt, newEndsAt, reason, rescheduledAt);
    }

    /** A reschedule as the API shows it. */
    public record Move(
            Instant oldStartsAt, Instant oldEndsAt, Instant startsAt, Instant endsAt, String reason, Instant at) {}

    @Override
    public UUID getId() {
        return id;
    }
}
