package sa.tenhal.clinics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
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
import sa.tenhal.clinics.Discipline;
import sa.tenhal.platform.Paging;

/** The clinics (one per discipline, or more): list by centre and state, create, edit, deactivate, activate. */
@Controller
@RequestMapping("/admin/catalogue/clinics")
@PreAuthorize(CataloguePages.EDITORS)
class ClinicPages {

    private static final String FORM = "catalogue/clinic-form";
    private static final String LIST = "/admin/catalogue/clinics";

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final CataloguePages pages;

    ClinicPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        this.catalog = catalog;
        this.admin = admin;
        this.pages = pages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("centres", catalog.centres());
        model.addAttribute("disciplines", Discipline.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String centre,
            @RequestParam(required = false) String active,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("here", CataloguePages.here(request));
        model.addAttribute("centre", centre);
        model.addAttribute("active", active);
        model.addAttribute(
                "clinics",
                catalog.clinics(
                        Fields.text(centre),
                        CataloguePages.activeFilter(active),
                        Paging.unique(PageRequest.of(Math.max(page, 0), 50, Sort.by("centreCode", "code")))));
        return "catalogue/clinics";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        ClinicFormPage form = new ClinicFormPage();
        var centres = catalog.centres();
        if (centres.size() == 1) {
            form.setCentreCode(centres.get(0).code());
        }
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ClinicFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var request = form.toForm(errors);
        return pages.save(request, errors, f -> f, model, FORM, () -> admin.createClinic(request), redirect, LIST);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", ClinicFormPage.of(catalog.clinic(new ClinicId(id))));
        model.addAttribute("clinicId", id);
        return FORM;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ClinicFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("clinicId", id);
        var current = catalog.clinic(new ClinicId(id));
        form.setCentreCode(current.centreCode());
        form.setCode(current.code());
        var request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                f -> f,
                model,
                FORM,
                () -> admin.updateClinic(new ClinicId(id), form.getVersion(), request),
                redirect,
                LIST);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.deactivated",
                () -> admin.setClinicActive(new ClinicId(id), false),
                CataloguePages.back(back, LIST));
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.activated",
                () -> admin.setClinicActive(new ClinicId(id), true),
                CataloguePages.back(back, LIST));
    }
}
