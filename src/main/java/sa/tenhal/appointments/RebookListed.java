package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;

/** A visit went on the desk's "to rebook" list (reception is told in the inbox); ids, times and why only. */
@DomainEvent
public record RebookListed(
        UUID entryId, UUID appointmentId, ClinicId clinicId, RebookEntry.Why why, Instant startsAt, Instant at) {}
