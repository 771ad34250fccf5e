package sa.tenhal.referrals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A new referral: from a clinic (and usually its provider) to another clinic of the centre, or to an outside
 * facility — exactly one of {@code toClinicId} and {@code externalFacility}.
 */
public record ReferralForm(
        @NotNull UUID patientId,
        @NotNull UUID fromClinicId,
        UUID fromProviderId,
        UUID toClinicId,
        @Size(max = 200) String externalFacility,
        @NotBlank @Size(max = 1000) String reason,
        @NotNull Urgency urgency,
        @Size(max = 2000) String notes) {}
