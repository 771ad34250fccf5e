package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The visit took place: finance invoices it (or consumes a package session). */
@DomainEvent
public record AppointmentCompleted(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant startsAt,
        Instant completedAt)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, AuditAction.UPDATE)
                .patient(patientId.value())
                .fields(java.util.Set.of("status"))
                .note("COMPLETED");
    }
}
