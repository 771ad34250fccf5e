package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;

/** A referral as the API and other modules see it: ids, status and times, the reason and notes. */
public record ReferralDetails(
        UUID id,
        UUID patientId,
        UUID fromClinicId,
        UUID fromProviderId,
        UUID toClinicId,
        String externalFacility,
        String reason,
        Urgency urgency,
        String notes,
        ReferralStatus status,
        Instant createdAt,
        UUID createdBy,
        Instant respondBy,
        boolean overdue,
        Instant acceptedAt,
        Instant rejectedAt,
        String rejectionReason,
        Instant completedAt,
        Instant cancelledAt,
        String cancellationReason,
        UUID firstAppointmentId,
        UUID ruleId,
        long version) {

    /** For a user who may not read why a patient was referred: the reasons and notes left out. */
    public ReferralDetails withoutReasons() {
        return new ReferralDetails(
                id,
                patientId,
                fromClinicId,
                fromProviderId,
                toClinicId,
                externalFacility,
                null,
                urgency,
                null,
                status,
                createdAt,
                createdBy,
                respondBy,
                overdue,
                acceptedAt,
                rejectedAt,
                null,
                completedAt,
                cancelledAt,
                null,
                firstAppointmentId,
                ruleId,
                version);
    }

    /**
     * For a user outside the patient's care team: neither the patient nor the reasons; what is left (clinics, status,
     * times) says nothing about anyone.
     */
    public ReferralDetails withoutPatient() {
        ReferralDetails r = withoutReasons();
        return new ReferralDetails(
                r.id,
                null,
                r.fromClinicId,
                r.fromProviderId,
                r.toClinicId,
                r.externalFacility,
                null,
                r.urgency,
                null,
                r.status,
                r.createdAt,
                r.createdBy,
                r.respondBy,
                r.overdue,
                r.acceptedAt,
                r.rejectedAt,
                null,
                r.completedAt,
                r.cancelledAt,
                null,
                null,
                r.ruleId,
                r.version);
    }
}
