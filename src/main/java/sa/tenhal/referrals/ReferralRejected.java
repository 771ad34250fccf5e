package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** The receiving clinic rejected a referral (with a reason); the sending clinic and provider are told. */
@DomainEvent
public record ReferralRejected(
        UUID referralId, PatientId patient, ClinicId fromClinic, ProviderId fromProvider, ClinicId toClinic, Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Referral", referralId, AuditAction.UPDATE)
                .patient(patient.value())
                .fields(java.util.Set.of("status", "rejectionReason"))
                .note("REJECTED");
    }
}
