package sa.tenhal.referrals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Something that may fire automatic referral rules: a completed service, a recorded diagnosis or assessment outcome,
 * for a patient, in the clinic (and by the provider) where it happened.
 *
 * @param sourceKey what happened, uniquely (an appointment id, a diagnosis record id): a rule fires once per patient
 *     and source, however often the trigger arrives
 */
public record ClinicalTrigger(
        @NotNull TriggerKind kind,
        @NotBlank @Size(max = 100) String value,
        @NotNull UUID patientId,
        @NotNull UUID fromClinicId,
        UUID fromProviderId,
        @NotBlank @Size(max = 100) String sourceKey) {}
