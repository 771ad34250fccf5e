package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;

/**
 * A provider's time became free again because an appointment was cancelled (by staff, or declined by the patient) or
 * moved away; the waitlist offers it to the best-matching waiting patient.
 *
 * @param freedBy the appointment that held the time
 */
@DomainEvent
public record SlotFreed(
        UUID freedBy,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Instant endsAt,
        Instant at) {}
