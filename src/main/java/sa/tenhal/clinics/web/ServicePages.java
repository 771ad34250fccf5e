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
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.platform.Paging;

/** The services (appointment types) of each clinic: duration, buffer, price before VAT, VAT category, room kind. */
@Controller
@RequestMapping("/admin/catalogue/services")
@PreAuthorize(CataloguePages.EDITORS)
class ServicePages {

    private static final String FORM = "catalogue/service-form";
    private static final String LIST = "/admin/catalogue/services";

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final CataloguePages pages;

    ServicePages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        this.catalog = catalog;
        this.admin = admin;
        this.pages = pages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("clinicChoices", pages.clinicChoices());
        model.addAttribute("roomKinds", RoomKind.values());
        model.addAttribute("vatCategories", VatCategory.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID clinic,
            @RequestParam(required = false) String active,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("here", CataloguePages.here(request));
        model.addAttribute("clinic", clinic);
        model.addAttribute("active", active);
        model.addAttribute("clinicNames", pages.clinicNames());
        model.addAttribute(
                "services",
                catalog.services(
                        clinic == null ? null : new ClinicId(clinic),
                        CataloguePages.activeFilter(active),
                        Paging.unique(PageRequest.of(Math.max(page, 0), 50, Sort.by("code")))));
        return "catalogue/services";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) UUID clinic, Model model) {
        ServiceFormPage form = new ServiceFormPage();
        form.setClinicId(clinic == null ? null : clinic.toString());
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ServiceFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var request = form.toForm(errors);
        return pages.save(request, errors, f -> f, model, FORM, () -> admin.createService(request), redirect, LIST);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", ServiceFormPage.of(catalog.service(new ServiceId(id))));
        model.addAttribute("serviceId", id);
        return FORM;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") ServiceFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("serviceId", id);
        var current = catalog.service(new ServiceId(id));
        form.setClinicId(current.clinicId().value().toString());
        form.setCode(current.code());
        var request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                f -> f,
                model,
                FORM,
                () -> admin.updateService(new ServiceId(id), form.getVersion(), request),
                redirect,
                LIST);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.deactivated",
                () -> admin.setServiceActive(new ServiceId(id), false),
                CataloguePages.back(back, LIST));
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.activated",
                () -> admin.setServiceActive(new ServiceId(id), true),
                CataloguePages.back(back, LIST));
    }
}
