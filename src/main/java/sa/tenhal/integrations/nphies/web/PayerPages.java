package sa.tenhal.integrations.nphies.web;

import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.integrations.nphies.PayerAdministration;
import sa.tenhal.integrations.nphies.PayerAdministration.PayerView;
import sa.tenhal.integrations.nphies.PayerForm;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.shared.Language;

/**
 * The payers page under Finance: the insurers and TPAs with their NPHIES ids, and the services each authorises first.
 * Finance reads it; managers and admins add, change, deactivate payers and add or remove rules (as they keep the
 * catalogue).
 */
@Controller
@RequestMapping("/finance/payers")
class PayerPages {

    /** Who reads the payers: finance (claims name them), and whoever keeps them. */
    static final String READERS = "hasAnyRole('FINANCE', 'MANAGER', 'ADMIN')";

    /** Who changes them: the catalogue's editors. */
    static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final PayerAdministration admin;
    private final ClinicCatalog catalog;
    private final Validator validator;
    private final MessageSource messages;

    PayerPages(PayerAdministration admin, ClinicCatalog catalog, Validator validator, MessageSource messages) {
        this.admin = admin;
        this.catalog = catalog;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String list(Model model) {
        model.addAttribute("payers", admin.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PayerFormPage());
        }
        return "nphies/payers";
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    String create(
            @ModelAttribute("form") PayerFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        PayerForm request = form.request();
        Forms.validate(validator, request, errors, f -> f);
        if (!errors.hasErrors()) {
            try {
                PayerView created = admin.create(request);
                redirect.addFlashAttribute("notice", "nphies.payers.created");
                return "redirect:/finance/payers/" + created.payerId();
            } catch (InvalidFieldsException e) {
                Forms.reject(errors, e, f -> f);
            } catch (ConflictException e) {
                if (!Forms.rejectConflict(errors, e, f -> f)) {
                    model.addAttribute("problem", Forms.describe(messages, e));
                }
            }
        }
        model.addAttribute("payers", admin.all());
        return "nphies/payers";
    }

    @GetMapping("/{payerId}")
    @PreAuthorize(READERS)
    String show(@PathVariable String payerId, Model model) {
        PayerView payer = admin.get(payerId);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PayerFormPage.of(payer));
        }
        return payerPage(payer, model);
    }

    @PostMapping("/{payerId}")
    @PreAuthorize(EDITORS)
    String update(
            @PathVariable String payerId,
            @ModelAttribute("form") PayerFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        PayerView current = admin.get(payerId);
        form.setPayerId(payerId);
        // the form has no "active" field: deactivating is its own button, so saving keeps what the payer is
        form.setActive(current.active());
        PayerForm request = form.request();
        Forms.validate(validator, request, errors, f -> f);
        if (!errors.hasErrors()) {
            try {
                admin.update(payerId, request);
                redirect.addFlashAttribute("notice", "nphies.payers.saved");
                return "redirect:/finance/payers/" + payerId;
            } catch (InvalidFieldsException e) {
                Forms.reject(errors, e, f -> f);
            } catch (ConflictException e) {
                if (!Forms.rejectConflict(errors, e, f -> f)) {
                    model.addAttribute("problem", Forms.describe(messages, e));
                }
            }
        }
        return payerPage(current, model);
    }

    @PostMapping("/{payerId}/active")
    @PreAuthorize(EDITORS)
    String setActive(@PathVariable String payerId, @RequestParam boolean active, RedirectAttributes redirect) {
        return Forms.act(
                messages,
                redirect,
                active ? "nphies.payers.activated" : "nphies.payers.deactivated",
                "/finance/payers/" + payerId,
                () -> admin.setActive(payerId, active));
    }

    @PostMapping("/{payerId}/rules")
    @PreAuthorize(EDITORS)
    String addRule(@PathVariable String payerId, @RequestParam String billingCode, RedirectAttributes redirect) {
        return Forms.act(
                messages,
                redirect,
                "nphies.payers.ruleAdded",
                "/finance/payers/" + payerId,
                () -> admin.addRule(payerId, new PayerForm.Rule(billingCode)));
    }

    @PostMapping("/{payerId}/rules/remove")
    @PreAuthorize(EDITORS)
    String removeRule(@PathVariable String payerId, @RequestParam String billingCode, RedirectAttributes redirect) {
        return Forms.act(
                messages,
                redirect,
                "nphies.payers.ruleRemoved",
                "/finance/payers/" + payerId,
                () -> admin.removeRule(payerId, billingCode));
    }

    private String payerPage(PayerView payer, Model model) {
        model.addAttribute("payer", payer);
        Language language = Language.of(LocaleContextHolder.getLocale());
        List<ServiceDetails> all = catalog.services(null, null, PageRequest.of(0, 1000)).stream()
                .filter(s -> s.billingCode() != null)
                .toList();
        // what each rule's code names, and the active services a new rule can name (once per code)
        Map<String, String> names = new HashMap<>();
        all.forEach(s -> names.putIfAbsent(s.billingCode(), s.name(language)));
        model.addAttribute("ruleNames", names);
        model.addAttribute(
                "services",
                all.stream()
                        .filter(ServiceDetails::active)
                        .filter(s -> !payer.priorAuthRules().contains(s.billingCode()))
                        .filter(distinctBy())
                        .toList());
        model.addAttribute("everyService", payer.priorAuthRules().contains("*"));
        return "nphies/payer";
    }

    private static java.util.function.Predicate<ServiceDetails> distinctBy() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return s -> seen.add(s.billingCode());
    }
}
