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
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;

/** The rooms of each clinic and what they are equipped for. */
@Controller
@RequestMapping("/admin/catalogue/rooms")
class RoomPages extends CatalogueSection<RoomFormPage, RoomForm, RoomDetails> {

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;

    RoomPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        super("rooms", pages);
        this.catalog = catalog;
        this.admin = admin;
    }

    @Override
    protected List<Filter> filters(Map<String, String> f) {
        return List.of(
                new Filter("clinic", "catalogue.clinic", clinicChoices(false), f.get("clinic")),
                new Filter("kind", "catalogue.room.kind", enumChoices(RoomKind.values(), "roomKind."), f.get("kind")));
    }

    @Override
    protected Page<RoomDetails> find(Map<String, String> f, Boolean active, Pageable page) {
        UUID clinic = uuid(f, "clinic");
        return catalog.rooms(
                clinic == null ? null : new ClinicId(clinic), choice(f, "kind", RoomKind.class), active, page);
    }

    @Override
    protected Sort sort() {
        return Sort.by("code");
    }

    @Override
    protected List<Column<RoomDetails>> columns(Page<RoomDetails> rows) {
        var clinicNames = pages.clinicNames();
        var language = CataloguePages.language();
        return List.of(
                new Column<>(
                        "catalogue.clinic",
                        r -> Cell.of(clinicNames.get(r.clinicId().value()))),
                new Column<>("catalogue.code", r -> Cell.code(r.code())),
                new Column<>(
                        "catalogue.name",
                        r -> Cell.of(language == sa.tenhal.shared.Language.AR ? r.nameAr() : r.nameEn())),
                new Column<>("catalogue.room.kind", r -> Cell.of(pages.message("roomKind." + r.kind()))));
    }

    @Override
    protected Map<String, String> newQuery(Map<String, String> params) {
        String clinic = params.get("clinic");
        return clinic == null || clinic.isBlank() ? Map.of() : Map.of("clinic", clinic);
    }

    @Override
    protected UUID id(RoomDetails r) {
        return r.id().value();
    }

    @Override
    protected boolean active(RoomDetails r) {
        return r.active();
    }

    @Override
    protected RoomFormPage blank(Map<String, String> params) {
        RoomFormPage form = new RoomFormPage();
        UUID clinic = uuid(params, "clinic");
        form.setClinicId(clinic == null ? null : clinic.toString());
        return form;
    }

    @Override
    protected RoomDetails load(UUID id) {
        return catalog.room(new RoomId(id));
    }

    @Override
    protected RoomFormPage formOf(RoomDetails r) {
        return RoomFormPage.of(r);
    }

    @Override
    protected void keep(RoomDetails current, RoomFormPage form) {
        form.setClinicId(current.clinicId().value().toString());
        form.setCode(current.code());
    }

    @Override
    protected List<Group> fields(RoomDetails current) {
        boolean editing = current != null;
        return List.of(Group.of(
                Field.select("clinicId", "catalogue.clinic", clinicChoices(false), "form.choose", editing),
                Field.code("code", "catalogue.code", "catalogue.room.codeHint", editing),
                Field.text("nameEn", "catalogue.nameEn", "ltr"),
                Field.text("nameAr", "catalogue.nameAr", "rtl"),
                Field.select(
                        "kind",
                        "catalogue.room.kind",
                        enumChoices(RoomKind.values(), "roomKind."),
                        "form.choose",
                        false)));
    }

    @Override
    protected void create(RoomForm request) {
        admin.createRoom(request);
    }

    @Override
    protected void update(UUID id, long version, RoomForm request) {
        admin.updateRoom(new RoomId(id), version, request);
    }

    @Override
    protected void activate(UUID id, boolean active) {
        admin.setRoomActive(new RoomId(id), active);
    }
}
