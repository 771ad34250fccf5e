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
        long version) {}
