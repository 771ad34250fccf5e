package sa.tenhal.referrals;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A manager's rule for automatic referrals (the seed's check_auto_rules). */
@Entity
@Table(name = "referral_rule")
class ReferralRule extends StoredRecord<ReferralRule> {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private TriggerKind triggerKind;

    private String triggerValue;
    private Integer minAgeYears;
    private Integer maxAgeYears;
    private UUID toClinicId;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private String reasonTemplate;
    private boolean active;
    private UUID createdBy;
    private Instant createdAt;

    @Version
    private long version;

    protected ReferralRule() {}

    ReferralRule(ReferralRuleForm form, UUID createdBy, Instant now) {
        this.id = Ids.newId();
        this.createdBy = createdBy;
        this.createdAt = now;
        apply(form);
    }

    void apply(ReferralRuleForm form) {
        this.name = form.name().strip();
        this.triggerKind = form.triggerKind();
        this.triggerValue = normalise(form.triggerKind(), form.triggerValue());
        this.minAgeYears = form.minAgeYears();
        this.maxAgeYears = form.maxAgeYears();
        this.toClinicId = form.toClinicId();
        this.urgency = form.urgency();
        this.reasonTemplate = form.reasonTemplate().strip();
        this.active = form.active() == null || form.active();
    }

    /** Codes compare without case or the dot of ICD-10 ({@code F80.1} is {@code F801}). */
    static String normalise(TriggerKind kind, String value) {
        String v = value.strip();
        return kind == TriggerKind.SERVICE_COMPLETED ? v : v.replace(".", "").toUpperCase(Locale.ROOT);
    }

    boolean fires(TriggerKind kind, String value, Integer ageYears) {
        if (!active || kind != triggerKind) {
            return false;
        }
        String v = normalise(kind, value);
        boolean matches = kind == TriggerKind.DIAGNOSIS ? v.startsWith(triggerValue) : v.equals(triggerValue);
        if (!matches) {
            return false;
        }
        if (ageYears == null) {
            return minAgeYears == null && maxAgeYears == null;
        }
        return (minAgeYears == null || ageYears >= minAgeYears) && (maxAgeYears == null || ageYears <= maxAgeYears);
    }

    String reason(String trigger) {
        return reasonTemplate.replace("{trigger}", trigger);
    }

    UUID id() {
        return id;
    }

    UUID toClinicId() {
        return toClinicId;
    }

    Urgency urgency() {
        return urgency;
    }

    ReferralRuleDetails details() {
        return new ReferralRuleDetails(
                id,
                name,
                triggerKind,
                triggerValue,
                minAgeYears,
                maxAgeYears,
                toClinicId,
                urgency,
                reasonTemplate,
                active,
                createdAt,
                version);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
