package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The patient confirmed (by link, reply, phone or in person); {@code by} is the staff user who recorded it, if any. */
@DomainEvent
public record ConfirmationReceived(
        UUID confirmationId, UUID appointmentId, PatientId patientId, ConfirmationMethod method, UUID by, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("AppointmentConfirmation", confirmationId, AuditAction.CONFIRM)
                .patient(patientId.value())
                .note(method.name());
    }
}
