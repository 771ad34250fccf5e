package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/**
 * A freed slot was offered to a waiting patient: they are to get a link (minted when the message is sent, see
 * {@link Waitlist#mintLink}) valid until {@code expiresAt}.
 */
@DomainEvent
public record WaitlistSlotOffered(
        UUID offerId,
        UUID entryId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Instant expiresAt,
        Instant at) {}
