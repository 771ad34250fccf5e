package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.patients.PatientId;

/**
 * The patient is to be asked to confirm: the first request ({@code reminder} 0) or reminder number {@code reminder}.
 * The notifications module sends it with a freshly minted link. {@code newAppointment}: the request of an appointment
 * booked just now, which has no earlier request and so cannot be the first after a move (false when not known, as in
 * an event published before it was recorded).
 */
@DomainEvent
public record ConfirmationRequested(
        UUID confirmationId,
        UUID appointmentId,
        PatientId patientId,
        int reminder,
        boolean newAppointment,
        Instant at) {}
