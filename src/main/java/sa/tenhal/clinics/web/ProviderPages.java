package sa.tenhal.clinics.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;

/**
 * The providers — doctors, therapists, nurses — each linked to a staff user with the PROVIDER or NURSE role, and the
 * clinics they work in.
 */
@Controller
@RequestMapping("/admin/catalogue/providers")
class ProviderPages extends CatalogueSection<ProviderFormPage, ProviderForm, ProviderDetails> {

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;
    private final StaffDirectory staff;

    ProviderPages(ClinicCatalog catalog, CatalogAdministration admin, CataloguePages pages, StaffDirectory staff) {
        super("providers", pages);
        this.catalog = catalog;
        this.admin = admin;
        this.staff = staff;
    }

    @Override
    protected List<Filter> filters(Map<String, String> f) {
        return List.of(new Filter("clinic", "catalogue.clinic", clinicChoices(false), f.get("clinic")));
    }

    @Override
    protected Page<ProviderDetails> find(Map<String, String> f, Boolean active, Pageable page) {
        UUID clinic = uuid(f, "clinic");
        return catalog.providers(clinic == null ? null : new ClinicId(clinic), active, page);
    }

    @Override
    protected Sort sort() {
        return Sort.by("nameEn");
    }

    @Override
    protected List<Column<ProviderDetails>> columns(Page<ProviderDetails> rows) {
        var clinicNames = pages.clinicNames();
        var language = CataloguePages.language();
        Map<UUID, String> usernames =
                staff.findAll(rows.stream().map(ProviderDetails::userId).toList()).values().stream()
                        .collect(Collectors.toMap(m -> m.id().value(), StaffMember::username));
        return List.of(
                new Column<>("catalogue.name", p -> Cell.of(p.name(language))),
                new Column<>(
                        "catalogue.provider.user",
                        p -> Cell.ltr(usernames.getOrDefault(p.userId().value(), "—"))),
                new Column<>("catalogue.provider.specialty", p -> Cell.of(p.specialty())),
                new Column<>("catalogue.provider.licence", p -> Cell.ltr(p.licenceNumber())),
                new Column<>(
                        "catalogue.provider.clinics",
                        p -> Cell.pills(p.clinicIds().stream()
                                .map(c -> clinicNames.get(c.value()))
                                .toList())));
    }

    @Override
    protected UUID id(ProviderDetails p) {
        return p.id().value();
    }

    @Override
    protected boolean active(ProviderDetails p) {
        return p.active();
    }

    @Override
    protected ProviderFormPage blank(Map<String, String> params) {
        return new ProviderFormPage();
    }

    @Override
    protected ProviderDetails load(UUID id) {
        return catalog.provider(new ProviderId(id));
    }

    @Override
    protected ProviderFormPage formOf(ProviderDetails p) {
        return ProviderFormPage.of(p);
    }

    @Override
    protected void keep(ProviderDetails current, ProviderFormPage form) {
        form.setUserId(current.userId().value().toString());
    }

    @Override
    protected List<Group> fields(ProviderDetails current) {
        Field user = current == null
                ? Field.select("userId", "catalogue.provider.user", unlinkedStaff(), "form.choose", false)
                        .hint("catalogue.provider.userHint")
                : Field.fixed(
                        "linkedUser",
                        "catalogue.provider.user",
                        staff.find(current.userId()).map(StaffMember::username).orElse("—"));
        return List.of(
                Group.of(
                        user,
                        Field.text("nameEn", "catalogue.nameEn", "ltr"),
                        Field.text("nameAr", "catalogue.nameAr", "rtl"),
                        Field.text("specialty", "catalogue.provider.specialty", null),
                        Field.text("licenceNumber", "catalogue.provider.licence", "ltr")),
                Group.titled("catalogue.provider.clinics", Field.checks("clinicIds", clinicChoices(true))));
    }

    /** The clinic boxes are one field on the page. */
    @Override
    protected String pageField(String field) {
        return field.startsWith("clinicIds") ? "clinicIds" : field;
    }

    @Override
    protected void create(ProviderForm request) {
        admin.createProvider(request);
    }

    @Override
    protected void update(UUID id, long version, ProviderForm request) {
        admin.updateProvider(new ProviderId(id), version, request);
    }

    @Override
    protected void activate(UUID id, boolean active) {
        admin.setProviderActive(new ProviderId(id), active);
    }

    /** Enabled staff with the PROVIDER or NURSE role who are not a provider yet. */
    private List<Choice> unlinkedStaff() {
        Set<UUID> linked = catalog.providers(null, null, Pageable.unpaged()).stream()
                .map(p -> p.userId().value())
                .collect(Collectors.toSet());
        var language = CataloguePages.language();
        return Stream.concat(staff.withRole(Role.PROVIDER).stream(), staff.withRole(Role.NURSE).stream())
                .filter(m -> !linked.contains(m.id().value()))
                .distinct()
                .sorted(Comparator.comparing(StaffMember::username))
                .map(m -> new Choice(m.id().value().toString(), m.fullName(language) + " (" + m.username() + ")"))
                .toList();
    }
}
