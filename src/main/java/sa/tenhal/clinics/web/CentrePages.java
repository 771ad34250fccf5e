package sa.tenhal.clinics.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicCatalog;

/** The centres: their names, tax identity and address (what invoices print). Managers see them; admins change them. */
@Controller
@RequestMapping("/admin/catalogue/centres")
@PreAuthorize(CataloguePages.EDITORS)
class CentrePages {

    private static final String FORM = "catalogue/centre-form";
    private static final String LIST = "/admin/catalogue/centres";

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final CataloguePages pages;

    CentrePages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        this.catalog = catalog;
        this.admin = admin;
        this.pages = pages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("centres", catalog.centres());
        return "catalogue/centres";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String createForm(Model model) {
        model.addAttribute("form", new CentreFormPage());
        return FORM;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(
            @ModelAttribute("form") CentreFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var request = form.toForm();
        return pages.save(request, errors, f -> f, model, FORM, () -> admin.createCentre(request), redirect, LIST);
    }

    @GetMapping("/{code}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String editForm(@PathVariable String code, Model model) {
        model.addAttribute("form", CentreFormPage.of(catalog.centre(code)));
        model.addAttribute("centreCode", code);
        return FORM;
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(
            @PathVariable String code,
            @ModelAttribute("form") CentreFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("centreCode", code);
        form.setCode(code);
        var request = form.toForm();
        return pages.save(
                request,
                errors,
                f -> f,
                model,
                FORM,
                () -> admin.updateCentre(code, form.getVersion(), request),
                redirect,
                LIST);
    }
}
