package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * A request ended unanswered: its time ran out ({@code EXPIRED}), or the appointment was rescheduled
 * ({@code RESCHEDULED}: a new request follows), cancelled ({@code CANCELLED}) or moved on ({@code CLOSED}). Its links
 * no longer work.
 */
@DomainEvent
public record ConfirmationExpired(
        UUID confirmationId, UUID appointmentId, PatientId patientId, String because, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("AppointmentConfirmation", confirmationId, AuditAction.EXPIRE)
                .patient(patientId.value())
                .note(because);
    }
}
