package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A referral's loop is closed: the patient was seen (automatically on the first visit, or by hand). */
@DomainEvent
public record ReferralCompleted(
        UUID referralId, PatientId patient, ClinicId fromClinic, ClinicId toClinic, boolean automatic, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Referral", referralId, AuditAction.UPDATE)
                .patient(patient.value())
                .fields(java.util.Set.of("status"))
                .note("COMPLETED");
    }
}
