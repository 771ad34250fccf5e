package sa.tenhal.clinics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.platform.Paging;

/**
 * The providers — doctors, therapists, nurses — each linked to a staff user with the PROVIDER or NURSE role, and the
 * clinics they work in.
 */
@Controller
@RequestMapping("/admin/catalogue/providers")
@PreAuthorize(CataloguePages.EDITORS)
class ProviderPages {

    private static final String FORM = "catalogue/provider-form";
    private static final String LIST = "/admin/catalogue/providers";

    /** A staff user who can be linked to a provider. */
    record UserChoice(UUID id, String username, String name) {}

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final CataloguePages pages;
    private final StaffDirectory staff;

    ProviderPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages, StaffDirectory staff) {
        this.catalog = catalog;
        this.admin = admin;
        this.pages = pages;
        this.staff = staff;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("clinicChoices", pages.clinicChoices());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID clinic,
            @RequestParam(required = false) String active,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        var providers = catalog.providers(
                clinic == null ? null : new ClinicId(clinic),
                CataloguePages.activeFilter(active),
                Paging.unique(PageRequest.of(Math.max(page, 0), 50, Sort.by("nameEn"))));
        model.addAttribute("here", CataloguePages.here(request));
        model.addAttribute("clinic", clinic);
        model.addAttribute("active", active);
        model.addAttribute("providers", providers);
        model.addAttribute("clinicNames", pages.clinicNames());
        model.addAttribute(
                "usernames",
                staff.findAll(providers.stream().map(ProviderDetails::userId).toList()).values().stream()
                        .collect(Collectors.toMap(m -> m.id().value(), StaffMember::username)));
        return "catalogue/providers";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", new ProviderFormPage());
        model.addAttribute("userChoices", unlinkedStaff());
        return FORM;
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ProviderFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("userChoices", unlinkedStaff());
        var request = form.toForm(errors);
        return pages.save(
                request, errors, form::pageField, model, FORM, () -> admin.createProvider(request), redirect, LIST);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        ProviderDetails provider = catalog.provider(new ProviderId(id));
        model.addAttribute("form", ProviderFormPage.of(provider));
        model.addAttribute("providerId", id);
        model.addAttribute("linkedUser", staff.find(provider.userId()).orElse(null));
        return FORM;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ProviderFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ProviderDetails current = catalog.provider(new ProviderId(id));
        model.addAttribute("providerId", id);
        model.addAttribute("linkedUser", staff.find(current.userId()).orElse(null));
        form.setUserId(current.userId().value().toString());
        var request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                form::pageField,
                model,
                FORM,
                () -> admin.updateProvider(new ProviderId(id), form.getVersion(), request),
                redirect,
                LIST);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.deactivated",
                () -> admin.setProviderActive(new ProviderId(id), false),
                CataloguePages.back(back, LIST));
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.activated",
                () -> admin.setProviderActive(new ProviderId(id), true),
                CataloguePages.back(back, LIST));
    }

    /** Enabled staff with the PROVIDER or NURSE role who are not a provider yet. */
    private List<UserChoice> unlinkedStaff() {
        Set<UUID> linked = catalog.providers(null, null, Pageable.unpaged()).stream()
                .map(p -> p.userId().value())
                .collect(Collectors.toSet());
        var language = CataloguePages.language();
        return Stream.concat(staff.withRole(Role.PROVIDER).stream(), staff.withRole(Role.NURSE).stream())
                .filter(m -> !linked.contains(m.id().value()))
                .map(m -> new UserChoice(m.id().value(), m.username(), m.fullName(language)))
                .distinct()
                .sorted(Comparator.comparing(UserChoice::username))
                .toList();
    }
}
