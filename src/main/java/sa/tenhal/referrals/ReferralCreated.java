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

/** A referral was made; the receiving clinic's staff are told (toClinic is null for an outside facility). */
@DomainEvent
public record ReferralCreated(
        UUID referralId,
        PatientId patient,
        ClinicId fromClinic,
        ProviderId fromProvider,
        ClinicId toClinic,
        Urgency urgency,
        boolean automatic,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Referral", referralId, AuditAction.CREATE)
                .patient(patient.value())
                .note(urgency + (automatic ? " automatic" : ""));
    }
}
