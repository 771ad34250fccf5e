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
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.platform.Paging;

/** The rooms of each clinic and what they are equipped for. */
@Controller
@RequestMapping("/admin/catalogue/rooms")
@PreAuthorize(CataloguePages.EDITORS)
class RoomPages {

    private static final String FORM = "catalogue/room-form";
    private static final String LIST = "/admin/catalogue/rooms";

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final CataloguePages pages;

    RoomPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        this.catalog = catalog;
        this.admin = admin;
        this.pages = pages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("clinicChoices", pages.clinicChoices());
        model.addAttribute("roomKinds", RoomKind.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) UUID clinic,
            @RequestParam(required = false) RoomKind kind,
            @RequestParam(required = false) String active,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("here", CataloguePages.here(request));
        model.addAttribute("clinic", clinic);
        model.addAttribute("kind", kind);
        model.addAttribute("active", active);
        model.addAttribute("clinicNames", pages.clinicNames());
        model.addAttribute(
                "rooms",
                catalog.rooms(
                        clinic == null ? null : new ClinicId(clinic),
                        kind,
                        CataloguePages.activeFilter(active),
                        Paging.unique(PageRequest.of(Math.max(page, 0), 50, Sort.by("code")))));
        return "catalogue/rooms";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) UUID clinic, Model model) {
        RoomFormPage form = new RoomFormPage();
        form.setClinicId(clinic == null ? null : clinic.toString());
        model.addAttribute("form", form);
        return FORM;
    }

    @PostMapping
    String create(
            @ModelAttribute("form") RoomFormPage form, BindingResult errors, Model model, RedirectAttributes redirect) {
        var request = form.toForm(errors);
        return pages.save(request, errors, f -> f, model, FORM, () -> admin.createRoom(request), redirect, LIST);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        model.addAttribute("form", RoomFormPage.of(catalog.room(new RoomId(id))));
        model.addAttribute("roomId", id);
        return FORM;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") RoomFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("roomId", id);
        var current = catalog.room(new RoomId(id));
        form.setClinicId(current.clinicId().value().toString());
        form.setCode(current.code());
        var request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                f -> f,
                model,
                FORM,
                () -> admin.updateRoom(new RoomId(id), form.getVersion(), request),
                redirect,
                LIST);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.deactivated",
                () -> admin.setRoomActive(new RoomId(id), false),
                CataloguePages.back(back, LIST));
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.activated",
                () -> admin.setRoomActive(new RoomId(id), true),
                CataloguePages.back(back, LIST));
    }
}
