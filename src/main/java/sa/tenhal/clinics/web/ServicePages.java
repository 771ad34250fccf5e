package sa.tenhal.clinics.web;

import java.math.RoundingMode;
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
import sa.tenhal.clinics.InsuranceServiceType;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;

/**
 * The services (appointment types) of each clinic: duration, buffer, price before VAT, VAT category, room kind, and
 * the billing code and insurance service type a claim needs.
 */
@Controller
@RequestMapping("/admin/catalogue/services")
class ServicePages extends CatalogueSection<ServiceFormPage, ServiceForm, ServiceDetails> {

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;

    ServicePages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages) {
        super("services", pages);
        this.catalog = catalog;
        this.admin = admin;
    }

    @Override
    protected List<Filter> filters(Map<String, String> f) {
        return List.of(new Filter("clinic", "catalogue.clinic", clinicChoices(false), f.get("clinic")));
    }

    @Override
    protected Page<ServiceDetails> find(Map<String, String> f, Boolean active, Pageable page) {
        UUID clinic = uuid(f, "clinic");
        return catalog.services(clinic == null ? null : new ClinicId(clinic), active, page);
    }

    @Override
    protected Sort sort() {
        return Sort.by("code");
    }

    @Override
    protected List<Column<ServiceDetails>> columns(Page<ServiceDetails> rows) {
        var clinicNames = pages.clinicNames();
        var language = CataloguePages.language();
        return List.of(
                new Column<>(
                        "catalogue.clinic",
                        s -> Cell.of(clinicNames.get(s.clinicId().value()))),
                new Column<>("catalogue.code", s -> Cell.code(s.code())),
                new Column<>("catalogue.name", s -> Cell.of(s.name(language))),
                new Column<>(
                        "catalogue.service.duration",
                        s -> new Cell(
                                pages.plural("catalogue.service.minutes", s.durationMinutes()),
                                s.bufferMinutes() > 0
                                        ? pages.plural("catalogue.service.plusBuffer", s.bufferMinutes())
                                        : null,
                                List.of(),
                                null,
                                "numbers")),
                new Column<>(
                        "catalogue.service.price",
                        s -> new Cell(
                                s.price().setScale(2, RoundingMode.HALF_UP).toPlainString() + " SAR",
                                null,
                                List.of(),
                                "ltr",
                                "numbers nowrap")),
                new Column<>("catalogue.service.vat", s -> Cell.of(pages.message("vatCategory." + s.vatCategory()))),
                new Column<>(
                        "catalogue.service.room",
                        s -> Cell.of(s.roomKind() == null ? "—" : pages.message("roomKind." + s.roomKind()))),
                new Column<>(
                        "catalogue.service.billingCode",
                        s -> s.billingCode() == null
                                ? Cell.of("—")
                                : new Cell(
                                        s.billingCode(),
                                        pages.message("insuranceServiceType." + s.insuranceServiceType()),
                                        List.of(),
                                        "ltr",
                                        "nowrap")));
    }

    @Override
    protected Map<String, String> newQuery(Map<String, String> params) {
        String clinic = params.get("clinic");
        return clinic == null || clinic.isBlank() ? Map.of() : Map.of("clinic", clinic);
    }

    @Override
    protected UUID id(ServiceDetails s) {
        return s.id().value();
    }

    @Override
    protected boolean active(ServiceDetails s) {
        return s.active();
    }

    @Override
    protected ServiceFormPage blank(Map<String, String> params) {
        ServiceFormPage form = new ServiceFormPage();
        UUID clinic = uuid(params, "clinic");
        form.setClinicId(clinic == null ? null : clinic.toString());
        return form;
    }

    @Override
    protected ServiceDetails load(UUID id) {
        return catalog.service(new ServiceId(id));
    }

    @Override
    protected ServiceFormPage formOf(ServiceDetails s) {
        return ServiceFormPage.of(s);
    }

    @Override
    protected void keep(ServiceDetails current, ServiceFormPage form) {
        form.setClinicId(current.clinicId().value().toString());
        form.setCode(current.code());
    }

    @Override
    protected List<Group> fields(ServiceDetails current) {
        boolean editing = current != null;
        return List.of(
                Group.of(
                        Field.select("clinicId", "catalogue.clinic", clinicChoices(false), "form.choose", editing),
                        Field.code("code", "catalogue.code", "catalogue.service.codeHint", editing),
                        Field.text("nameEn", "catalogue.nameEn", "ltr"),
                        Field.text("nameAr", "catalogue.nameAr", "rtl")),
                Group.titled(
                        "catalogue.service.time",
                        Field.number(
                                "durationMinutes",
                                "catalogue.service.durationMinutes",
                                "catalogue.service.durationHint",
                                Map.of("min", "5", "max", "480", "step", "5", "inputmode", "numeric")),
                        Field.number(
                                "bufferMinutes",
                                "catalogue.service.bufferMinutes",
                                "catalogue.service.bufferHint",
                                Map.of("min", "0", "max", "120", "step", "5", "inputmode", "numeric")),
                        Field.select(
                                "roomKind",
                                "catalogue.service.room",
                                enumChoices(RoomKind.values(), "roomKind."),
                                "catalogue.service.noRoom",
                                false)),
                Group.titled(
                        "catalogue.service.money",
                        Field.text("price", "catalogue.service.priceSar", "ltr").hint("catalogue.service.priceHint"),
                        Field.select(
                                        "vatCategory",
                                        "catalogue.service.vat",
                                        enumChoices(VatCategory.values(), "vatCategory."),
                                        null,
                                        false)
                                .hint("catalogue.service.vatHint")),
                Group.titled(
                        "catalogue.service.insurance",
                        Field.code(
                                "billingCode",
                                "catalogue.service.billingCode",
                                "catalogue.service.billingCodeHint",
                                false),
                        Field.select(
                                "insuranceServiceType",
                                "catalogue.service.insuranceServiceType",
                                enumChoices(InsuranceServiceType.values(), "insuranceServiceType."),
                                "catalogue.service.notInsured",
                                false)));
    }

    @Override
    protected void create(ServiceForm request) {
        admin.createService(request);
    }

    @Override
    protected void update(UUID id, long version, ServiceForm request) {
        admin.updateService(new ServiceId(id), version, request);
    }

    @Override
    protected void activate(UUID id, boolean active) {
        admin.setServiceActive(new ServiceId(id), active);
    }
}
