package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A pending referral is past its service level: a reminder to the receiving clinic, or (escalated, a working day later) to the managers. */
@DomainEvent
public record ReferralOverdue(
        UUID referralId,
        PatientId patient,
        ClinicId toClinic,
        Urgency urgency,
        boolean escalated,
        Instant respondBy,
        Instant at)
        implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Referral", referralId, AuditAction.UPDATE)
                .patient(patient.value())
                .note(escalated ? "escalated to managers" : "reminder to receiving clinic");
    }
}
