package sa.tenhal.integrations.nphies;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * Keeping the payers (insurers and TPAs) and their prior-authorisation rules, for the payers page and the API. Every
 * change is validated (422 naming the field; a NPHIES licence another payer has: 409 {@code duplicate-payer-licence}
 * naming {@code licence}) and audited ({@link PayerChanged}). A rule takes effect at once: the next booking of the
 * service for a patient covered by the payer asks for an authorisation. Payers are deactivated, never deleted (claims
 * and coverages name them); a rule is removed.
 */
@Service
@Transactional
public class PayerAdministration {

    private final Payers payers;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    PayerAdministration(Payers payers, Validator validator, ApplicationEventPublisher events, ClinicTime time) {
        this.payers = payers;
        this.validator = validator;
        this.events = events;
        this.time = time;
    }

    /** A payer with the services it authorises first. */
    public record PayerView(
            String payerId,
            String licence,
            String nameEn,
            String nameAr,
            String kind,
            String insurerLicence,
            boolean active,
            List<String> priorAuthRules) {

        static PayerView of(Payers.Payer p, List<String> rules) {
            return new PayerView(
                    p.payerId(), p.licence(), p.nameEn(), p.nameAr(), p.kind(), p.insurerLicence(), p.active(), rules);
        }

        /** The name in the language of a page. */
        public String name(String language) {
            return "ar".equals(language) ? nameAr : nameEn;
        }
    }

    @Transactional(readOnly = true)
    public List<PayerView> all() {
        return payers.all().stream()
                .map(p -> PayerView.of(p, payers.authorisationRules(p.payerId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public PayerView get(String payerId) {
        Payers.Payer p = payers.find(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        return PayerView.of(p, payers.authorisationRules(payerId));
    }

    public PayerView create(PayerForm form) {
        validate(form);
        if (payers.find(form.payerId()).isPresent()) {
            throw duplicate("duplicate-payer-id", "payerId", "A payer already has id " + form.payerId());
        }
        requireFreeLicence(form.licence(), null);
        Payers.Payer payer = payerOf(form.payerId(), form);
        payers.save(payer, time.now());
        events.publishEvent(new PayerChanged(payer.payerId(), AuditAction.CREATE, Set.of(), null, time.now()));
        return get(payer.payerId());
    }

    /** Replaces the payer's details (the id stays); deactivating through here is audited as such. */
    public PayerView update(String payerId, PayerForm form) {
        Payers.Payer current = payers.find(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        PayerForm withId = new PayerForm(
                payerId,
                form.licence(),
                form.nameEn(),
                form.nameAr(),
                form.kind(),
                form.insurerLicence(),
                form.active() == null ? current.active() : form.active());
        validate(withId);
        requireFreeLicence(withId.licence(), payerId);
        Payers.Payer next = payerOf(payerId, withId);
        Set<String> changed = changes(current, next);
        if (changed.isEmpty()) {
            return get(payerId);
        }
        payers.save(next, time.now());
        AuditAction action = changed.contains("active")
                ? (next.active() ? AuditAction.RESTORE : AuditAction.DEACTIVATE)
                : AuditAction.UPDATE;
        events.publishEvent(new PayerChanged(payerId, action, changed, null, time.now()));
        return get(payerId);
    }

    /** Deactivates (no message is sent to it any more, its coverages are treated as unknown) or reactivates. */
    public PayerView setActive(String payerId, boolean active) {
        Payers.Payer current = payers.find(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        if (current.active() != active) {
            payers.save(
                    new Payers.Payer(
                            current.payerId(),
                            current.licence(),
                            current.nameEn(),
                            current.nameAr(),
                            current.kind(),
                            current.insurerLicence(),
                            active),
                    time.now());
            events.publishEvent(new PayerChanged(
                    payerId,
                    active ? AuditAction.RESTORE : AuditAction.DEACTIVATE,
                    Set.of("active"),
                    null,
                    time.now()));
        }
        return get(payerId);
    }

    /** The payer authorises the service with this billing code (or every service: {@code *}) before it is given. */
    public PayerView addRule(String payerId, PayerForm.Rule rule) {
        payers.find(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        PayerForm.Rule clean = new PayerForm.Rule(
                rule == null || rule.billingCode() == null
                        ? null
                        : rule.billingCode().strip());
        List<FieldProblem> problems = problems(clean);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (payers.authorisationRules(payerId).contains(clean.billingCode())) {
            throw duplicate(
                    "duplicate-prior-auth-rule",
                    "billingCode",
                    "Payer " + payerId + " already authorises " + clean.billingCode() + " first");
        }
        payers.requireAuthorisation(payerId, clean.billingCode());
        events.publishEvent(new PayerChanged(
                payerId,
                AuditAction.UPDATE,
                Set.of("priorAuthRules"),
                "rule added " + clean.billingCode(),
                time.now()));
        return get(payerId);
    }

    /** The payer no longer authorises this service first; 404 for a rule it does not have. */
    public PayerView removeRule(String payerId, String billingCode) {
        payers.find(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        if (!payers.removeAuthorisation(payerId, billingCode)) {
            throw new NotFoundException("PriorAuthRule", payerId + "/" + billingCode);
        }
        events.publishEvent(new PayerChanged(
                payerId, AuditAction.UPDATE, Set.of("priorAuthRules"), "rule removed " + billingCode, time.now()));
        return get(payerId);
    }

    private void validate(PayerForm form) {
        List<FieldProblem> problems = problems(form);
        if ("TPA".equals(form.kind()) && form.insurerLicence() == null) {
            problems.add(FieldProblem.coded(
                    "insurerLicence",
                    "nphies-tpa-needs-insurer",
                    "a TPA names the NPHIES licence of the insurer that carries the risk"));
        }
        if ("INSURER".equals(form.kind()) && form.insurerLicence() != null) {
            problems.add(FieldProblem.coded(
                    "insurerLicence", "nphies-insurer-names-no-insurer", "only a TPA names an insurer"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidFieldsException(problems);
        }
    }

    private <T> List<FieldProblem> problems(T target) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(target)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        return problems;
    }

    private void requireFreeLicence(String licence, String payerId) {
        Optional<String> holder = payers.holderOfLicence(licence);
        if (holder.isPresent() && !holder.get().equals(payerId)) {
            throw duplicate(
                            "duplicate-payer-licence",
                            "licence",
                            "Payer " + holder.get() + " already has NPHIES id " + licence)
                    .with("payerId", holder.get());
        }
    }

    private static ConflictException duplicate(String type, String field, String detail) {
        return (ConflictException) new ConflictException(type, "Already exists", detail).with("field", field);
    }

    private static Payers.Payer payerOf(String payerId, PayerForm form) {
        return new Payers.Payer(
                payerId,
                form.licence(),
                form.nameEn(),
                form.nameAr(),
                form.kind(),
                form.insurerLicence(),
                form.active() == null || form.active());
    }

    private static Set<String> changes(Payers.Payer a, Payers.Payer b) {
        Set<String> changed = new LinkedHashSet<>();
        if (!Objects.equals(a.licence(), b.licence())) changed.add("licence");
        if (!Objects.equals(a.nameEn(), b.nameEn())) changed.add("nameEn");
        if (!Objects.equals(a.nameAr(), b.nameAr())) changed.add("nameAr");
        if (!Objects.equals(a.kind(), b.kind())) changed.add("kind");
        if (!Objects.equals(a.insurerLicence(), b.insurerLicence())) changed.add("insurerLicence");
        if (a.active() != b.active()) changed.add("active");
        return changed;
    }
}
