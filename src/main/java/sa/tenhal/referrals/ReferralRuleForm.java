package sa.tenhal.referrals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An automatic referral rule as a manager writes it: when {@code triggerKind}/{@code triggerValue} happens for a
 * patient aged {@code minAgeYears}..{@code maxAgeYears} (either bound optional), refer to {@code toClinicId} with the
 * reason {@code reasonTemplate}, in which {@code {trigger}} is replaced by what fired the rule.
 */
public record ReferralRuleForm(
        @NotBlank @Size(max = 150) String name,
        @NotNull TriggerKind triggerKind,
        @NotBlank @Size(max = 100) String triggerValue,
        @Min(0) @Max(120) Integer minAgeYears,
        @Min(0) @Max(120) Integer maxAgeYears,
        @NotNull UUID toClinicId,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 1000) String reasonTemplate,
        Boolean active) {}
