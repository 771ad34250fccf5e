package sa.tenhal.referrals;

import java.time.Instant;
import java.util.UUID;

public record ReferralRuleDetails(
        UUID id,
        String name,
        TriggerKind triggerKind,
        String triggerValue,
        Integer minAgeYears,
        Integer maxAgeYears,
        UUID toClinicId,
        Urgency urgency,
        String reasonTemplate,
        boolean active,
        Instant createdAt,
        long version) {}
