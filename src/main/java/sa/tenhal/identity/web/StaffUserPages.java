package sa.tenhal.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import sa.tenhal.identity.IssuedToken;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccount;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.identity.StaffUserChanges;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.platform.StaleVersionException;
import sa.tenhal.shared.Language;

/**
 * The admin's staff pages: find users, create one (who then gets a set-password link by email), change details and
 * roles, deactivate and reactivate, lift the sign-in waits, send a new set-password link; and the user's API tokens (issue — shown once
 * — and revoke).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class StaffUserPages {

    private static final int PAGE_SIZE = 25;

    private final StaffAccounts accounts;
    private final Validator validator;
    private final MessageSource messages;
    private final ClinicTime time;

    StaffUserPages(StaffAccounts accounts, Validator validator, MessageSource messages, ClinicTime time) {
        this.accounts = accounts;
        this.validator = validator;
        this.messages = messages;
        this.time = time;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("languages", Language.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<StaffAccount> found = accounts.search(
                q, role, Paging.unique(PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("username"))));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("users", found);
        model.addAttribute("now", time.now());
        return "admin/users/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new StaffUserFormPage());
        return "admin/users/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") StaffUserFormPage form, BindingResult errors, RedirectAttributes redirect) {
        NewStaffUser request = form.toNewUser(errors);
        if (request != null) {
            Forms.validate(validator, request, errors, form::pageField);
        }
        if (errors.hasErrors()) {
            return "admin/users/form";
        }
        try {
            StaffAccount created = accounts.create(request);
            redirect.addFlashAttribute("notice", "admin.users.createdNotice");
            return "redirect:/admin/users/" + created.member().id().value();
        } catch (ConflictException e) {
            if (!Forms.rejectConflict(errors, e, form::pageField)) {
                errors.reject("conflict", Forms.describe(messages, e));
            }
            return "admin/users/form";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        return showPage(id, model);
    }

    private String showPage(UUID id, Model model) {
        StaffAccount account = accounts.get(new UserId(id));
        model.addAttribute("account", account);
        model.addAttribute("user", account.member());
        model.addAttribute("tokens", accounts.tokens(account.member().id()));
        model.addAttribute("now", time.now());
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenFormPage());
        }
        return "admin/users/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", StaffUserFormPage.of(accounts.get(new UserId(id))));
        model.addAttribute("userId", id);
        return "admin/users/form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") StaffUserFormPage form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("userId", id);
        StaffAccount current = accounts.get(new UserId(id));
        form.setUsername(current.member().username());
        StaffUserChanges changes = form.toChanges(errors, current.member().enabled());
        if (changes != null) {
            Forms.validate(validator, changes, errors, form::pageField);
            if (isMe(me, id) && !changes.roles().contains(Role.ADMIN) && !errors.hasFieldErrors("roles")) {
                errors.rejectValue("roles", "admin.users.keepOwnAdmin");
            }
        }
        if (errors.hasErrors()) {
            return "admin/users/form";
        }
        try {
            accounts.update(new UserId(id), form.getVersion(), changes);
            redirect.addFlashAttribute("notice", "admin.users.saved");
            return "redirect:/admin/users/" + id;
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return "admin/users/form";
        } catch (ConflictException e) {
            if (!Forms.rejectConflict(errors, e, form::pageField)) {
                errors.reject("conflict", Forms.describe(messages, e));
            }
            return "admin/users/form";
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(
            @PathVariable UUID id,
            @RequestParam long version,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        if (isMe(me, id)) {
            redirect.addFlashAttribute("problem", messages.getMessage("admin.users.notYourself", null, locale()));
            return "redirect:/admin/users/" + id;
        }
        return setEnabled(id, version, false, "admin.users.deactivated", redirect);
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return setEnabled(id, version, true, "admin.users.reactivated", redirect);
    }

    private String setEnabled(UUID id, long version, boolean enabled, String notice, RedirectAttributes redirect) {
        return act(id, redirect, notice, () -> {
            var m = accounts.get(new UserId(id)).member();
            accounts.update(
                    new UserId(id),
                    version,
                    new StaffUserChanges(m.fullNameEn(), m.fullNameAr(), m.email(), m.roles(), m.language(), enabled));
        });
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "admin.users.unlocked", () -> accounts.liftSignInDelays(new UserId(id)));
    }

    @PostMapping("/{id}/password-link")
    String sendPasswordLink(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "admin.users.linkSent", () -> accounts.sendPasswordSetupLink(new UserId(id)));
    }

    /**
     * Issues a token and shows it on the answer to this POST, not after a redirect: a redirect would keep it in the
     * session (stored in the database) until shown, and the token must exist nowhere but on the admin's screen.
     */
    @PostMapping("/{id}/tokens")
    String issueToken(
            @PathVariable UUID id,
            @ModelAttribute("tokenForm") TokenFormPage form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response) {
        UsersController.TokenRequest request = form.toRequest(errors);
        if (request != null) {
            Forms.validate(validator, request, errors, field -> field);
        }
        if (!errors.hasErrors()) {
            try {
                Duration validFor = request.validForDays() == null ? null : Duration.ofDays(request.validForDays());
                IssuedToken issued =
                        accounts.issueToken(new UserId(id), request.name().strip(), validFor, me.id());
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("issued", issued);
                model.addAttribute("notice", "admin.tokens.issued");
                model.addAttribute("tokenForm", new TokenFormPage());
            } catch (ProblemException e) {
                model.addAttribute("problem", Forms.describe(messages, e));
            }
        }
        return showPage(id, model);
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        return act(id, redirect, "admin.tokens.revoked", () -> accounts.revokeToken(new UserId(id), tokenId));
    }

    /** Runs an action from the user's page; a refusal comes back as a readable message there. */
    private String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", messages.getMessage("form.stale", null, locale()));
        } catch (InvalidFieldsException | ConflictException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
        }
        return "redirect:/admin/users/" + id;
    }

    private static boolean isMe(StaffPrincipal me, UUID id) {
        return me != null && me.id().value().equals(id);
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }

    /** The token form: a name to recognise it by and, optionally, how many days it is valid. */
    public static class TokenFormPage {
        private String name;
        private String validForDays;

        UsersController.TokenRequest toRequest(BindingResult errors) {
            Integer days = null;
            if (validForDays != null && !validForDays.isBlank()) {
                try {
                    days = Integer.valueOf(validForDays.strip());
                } catch (NumberFormatException e) {
                    errors.rejectValue("validForDays", "typeMismatch");
                    return null;
                }
            }
            return new UsersController.TokenRequest(name, days);
        }

        public String getName() {
            return name;
        }

        public void setName(String v) {
            name = v;
        }

        public String getValidForDays() {
            return validForDays;
        }

        public void setValidForDays(String v) {
            validForDays = v;
        }
    }
}
