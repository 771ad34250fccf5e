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

/** An appointment moved: the slot {@code oldStartsAt}–{@code oldEndsAt} of the old provider and room is free again. */
@DomainEvent
public record AppointmentRescheduled(
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        ProviderId oldProviderId,
        ProviderId providerId,
        ServiceId serviceId,
        Instant oldStartsAt,
        Instant oldEndsAt,
        Instant startsAt,
        Instant endsAt,
        boolean overridden,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Appointment", appointmentId, overridden ? AuditAction.OVERRIDE : AuditAction.UPDATE)
                .patient(patientId.value())
                .fields(java.util.Set.of("startsAt", "endsAt", "providerId", "roomId"))
                .note("rescheduled from " + oldStartsAt);
    }
}
