package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;

/**
 * The patient is to be asked to confirm: the first request ({@code reminder} 0) or reminder number {@code reminder}.
 * The notifications module sends it with a freshly minted link.
 */
@DomainEvent
public record ConfirmationRequested(
        UUID confirmationId, UUID appointmentId, PatientId patientId, int reminder, Instant at) {}
