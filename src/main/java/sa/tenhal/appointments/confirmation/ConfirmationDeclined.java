package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/**
 * The patient declined: the appointment is cancelled in the same transaction ({@code AppointmentCancelled} frees the
 * slot); the notifications module sends the cancellation confirmation.
 */
@DomainEvent
public record ConfirmationDeclined(
        UUID confirmationId, UUID appointmentId, PatientId patientId, ConfirmationMethod method, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("AppointmentConfirmation", confirmationId, AuditAction.DECLINE)
                .patient(patientId.value())
                .note(method.name());
    }
}
