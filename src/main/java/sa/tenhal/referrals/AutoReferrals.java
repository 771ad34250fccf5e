package sa.tenhal.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.Versions;

/**
 * Automatic referral rules (the seed's check_auto_rules): managers keep the rules; {@link #check} runs them for a
 * trigger. A rule never refers the same patient twice for the same source (a unique index backs the check), and
 * never when the patient already has an open referral to that clinic.
 */
@Service
@Transactional
public class AutoReferrals {

    private final ReferralRuleRepository rules;
    private final ReferralRepository referrals;
    private final Referrals service;
    private final PatientRegistry patients;
    private final ClinicCatalog catalog;
    private final ClinicTime time;

    AutoReferrals(
            ReferralRuleRepository rules,
            ReferralRepository referrals,
            Referrals service,
            PatientRegistry patients,
            ClinicCatalog catalog,
            ClinicTime time) {
        this.rules = rules;
        this.referrals = referrals;
        this.service = service;
        this.patients = patients;
        this.catalog = catalog;
        this.time = time;
    }

    public ReferralRuleDetails create(ReferralRuleForm form) {
        check(form);
        return rules.saveAndFlush(new ReferralRule(form, Actor.currentUserId(), time.now()))
                .details();
    }

    public ReferralRuleDetails update(UUID id, long expectedVersion, ReferralRuleForm form) {
        ReferralRule rule = rules.findById(id).orElseThrow(() -> new NotFoundException("Referral rule", id));
        Versions.check("referral rule", expectedVersion, rule.details().version());
        check(form);
        rule.apply(form);
        return rules.saveAndFlush(rule).details();
    }

    @Transactional(readOnly = true)
    public List<ReferralRuleDetails> list() {
        return rules.findAllByOrderByCreatedAtDescIdDesc().stream()
                .map(ReferralRule::details)
                .toList();
    }

    @Transactional(readOnly = true)
    public ReferralRuleDetails find(UUID id) {
        return rules.findById(id)
                .map(ReferralRule::details)
                .orElseThrow(() -> new NotFoundException("Referral rule", id));
    }

    /** Runs the active rules for a trigger; returns the referrals it created (none when nothing fires). */
    public List<ReferralDetails> check(ClinicalTrigger trigger) {
        PatientDetails patient = patients.find(new PatientId(trigger.patientId()))
                .orElseThrow(() -> new InvalidFieldsException("patientId", "no such patient"));
        if (patient.status() != PatientStatus.ACTIVE) {
            return List.of();
        }
        Integer age = patient.birthDate() == null ? null : patient.ageOn(time.today());
        List<ReferralDetails> created = new ArrayList<>();
        for (ReferralRule rule : rules.findByTriggerKindAndActiveTrue(trigger.kind())) {
            if (!rule.fires(trigger.kind(), trigger.value(), age)
                    || rule.toClinicId().equals(trigger.fromClinicId())
                    || !reachableFrom(rule.toClinicId(), trigger.fromClinicId())
                    || referrals.existsByRuleIdAndPatientIdAndTriggerKey(
                            rule.id(), trigger.patientId(), trigger.sourceKey())
                    || referrals
                            .findOpen(trigger.patientId(), rule.toClinicId())
                            .isPresent()) {
                continue;
            }
            created.add(service.create(
                    new ReferralForm(
                            trigger.patientId(),
                            trigger.fromClinicId(),
                            trigger.fromProviderId(),
                            rule.toClinicId(),
                            null,
                            rule.reason(trigger.value()),
                            rule.urgency(),
                            null),
                    null,
                    rule.id(),
                    trigger.sourceKey()));
        }
        return created;
    }

    /**
     * A rule refers only within the sending clinic's centre, to an active clinic: a rule written for another centre
     * (or naming a clinic since closed) does not fire here, rather than refusing — and so blocking — the others.
     */
    private boolean reachableFrom(UUID toClinicId, UUID fromClinicId) {
        if (fromClinicId == null) {
            return true;
        }
        try {
            ClinicDetails to = catalog.clinic(new ClinicId(toClinicId));
            ClinicDetails from = catalog.clinic(new ClinicId(fromClinicId));
            return to.active() && to.centreCode().equals(from.centreCode());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void check(ReferralRuleForm form) {
        if (form.minAgeYears() != null && form.maxAgeYears() != null && form.minAgeYears() > form.maxAgeYears()) {
            throw new InvalidFieldsException("maxAgeYears", "must not be below minAgeYears");
        }
        try {
            catalog.clinic(new ClinicId(form.toClinicId()));
        } catch (NotFoundException e) {
            throw new InvalidFieldsException("toClinicId", "no such clinic");
        }
        if (form.triggerKind() == TriggerKind.SERVICE_COMPLETED) {
            try {
                catalog.service(new sa.tenhal.clinics.ServiceId(
                        UUID.fromString(form.triggerValue().strip())));
            } catch (IllegalArgumentException | NotFoundException e) {
                throw new InvalidFieldsException("triggerValue", "name the id of a service");
            }
        } else if (!form.triggerValue().strip().matches("[A-Za-z0-9.\\-]{1,20}")) {
            throw new InvalidFieldsException("triggerValue", "a code of letters, digits and dots");
        }
    }
}
