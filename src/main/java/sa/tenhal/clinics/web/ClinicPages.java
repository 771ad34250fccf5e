package sa.tenhal.clinics.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.Discipline;

/** The clinics (one per discipline, or more): list by centre and state, create, edit, deactivate, activate. */
@Controller
@RequestMapping("/admin/catalogue/clinics")
class ClinicPages extends CatalogueSection<ClinicFormPage, ClinicForm, ClinicDetails> {

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;

    ClinicPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        super("clinics", pages);
        this.catalog = catalog;
        this.admin = admin;
    }

    private List<Choice> centreChoices() {
        boolean arabic = CataloguePages.language() == sa.tenhal.shared.Language.AR;
        return catalog.centres().stream()
                .map(c -> new Choice(c.code(), c.code() + " · " + (arabic ? c.nameAr() : c.nameEn())))
                .toList();
    }

    @Override
    protected List<Filter> filters(Map<String, String> f) {
        return List.of(new Filter("centre", "catalogue.centre", centreChoices(), f.get("centre")));
    }

    @Override
    protected Page<ClinicDetails> find(Map<String, String> f, Boolean active, Pageable page) {
        return catalog.clinics(Fields.text(f.get("centre")), active, page);
    }

    @Override
    protected Sort sort() {
        return Sort.by("centreCode", "code");
    }

    @Override
    protected List<Column<ClinicDetails>> columns(Page<ClinicDetails> rows) {
        var language = CataloguePages.language();
        return List.of(
                new Column<>("catalogue.centre", c -> Cell.ltr(c.centreCode())),
                new Column<>("catalogue.code", c -> Cell.code(c.code())),
                new Column<>("catalogue.name", c -> Cell.of(c.name(language))),
                new Column<>(
                        "catalogue.clinic.discipline", c -> Cell.of(pages.message("discipline." + c.discipline()))),
                new Column<>("catalogue.phone", c -> Cell.ltr(c.phone() == null ? "—" : c.phone())));
    }

    @Override
    protected UUID id(ClinicDetails c) {
        return c.id().value();
    }

    @Override
    protected boolean active(ClinicDetails c) {
        return c.active();
    }

    @Override
    protected ClinicFormPage blank(Map<String, String> params) {
        ClinicFormPage form = new ClinicFormPage();
        var centres = catalog.centres();
        if (centres.size() == 1) {
            form.setCentreCode(centres.get(0).code());
        }
        return form;
    }

    @Override
    protected ClinicDetails load(UUID id) {
        return catalog.clinic(new ClinicId(id));
    }

    @Override
    protected ClinicFormPage formOf(ClinicDetails c) {
        return ClinicFormPage.of(c);
    }

    @Override
    protected void keep(ClinicDetails current, ClinicFormPage form) {
        form.setCentreCode(current.centreCode());
        form.setCode(current.code());
    }

    @Override
    protected List<Group> fields(ClinicDetails current) {
        boolean editing = current != null;
        return List.of(Group.of(
                Field.select("centreCode", "catalogue.centre", centreChoices(), "form.choose", editing),
                Field.code("code", "catalogue.code", "catalogue.clinic.codeHint", editing),
                Field.text("nameEn", "catalogue.nameEn", "ltr"),
                Field.text("nameAr", "catalogue.nameAr", "rtl"),
                Field.select(
                        "discipline",
                        "catalogue.clinic.discipline",
                        enumChoices(Discipline.values(), "discipline."),
                        "form.choose",
                        false),
                Field.text("phone", "catalogue.phone", "ltr")));
    }

    @Override
    protected void create(ClinicForm request) {
        admin.createClinic(request);
    }

    @Override
    protected void update(UUID id, long version, ClinicForm request) {
        admin.updateClinic(new ClinicId(id), version, request);
    }

    @Override
    protected void activate(UUID id, boolean active) {
        admin.setClinicActive(new ClinicId(id), active);
    }
}
