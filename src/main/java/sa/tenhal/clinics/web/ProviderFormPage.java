package sa.tenhal.clinics.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;

/** A provider's form as the page submits it; {@link #toForm} makes the {@link ProviderForm} the service checks. */
public class ProviderFormPage implements CatalogueFormPage<ProviderForm> {

    private String userId;
    private String nameEn;
    private String nameAr;
    private String licenceNumber;
    private String specialty;
    private List<String> clinicIds = new ArrayList<>();
    private long version;

    static ProviderFormPage of(ProviderDetails p) {
        ProviderFormPage page = new ProviderFormPage();
        page.userId = p.userId().value().toString();
        page.nameEn = p.nameEn();
        page.nameAr = p.nameAr();
        page.licenceNumber = p.licenceNumber();
        page.specialty = p.specialty();
        page.clinicIds = new ArrayList<>(
                p.clinicIds().stream().map(c -> c.value().toString()).toList());
        page.version = p.version();
        return page;
    }

    /** The service's form, or null when an id could not be read (the errors are then in {@code errors}). */
    public ProviderForm toForm(BindingResult errors) {
        UUID user = Fields.id(userId, "userId", errors);
        Set<UUID> clinics = new LinkedHashSet<>();
        for (String id : clinicIds == null ? List.<String>of() : clinicIds) {
            UUID clinic = Fields.id(id, "clinicIds", errors);
            if (clinic != null) {
                clinics.add(clinic);
            }
        }
        return errors.hasErrors()
                ? null
                : new ProviderForm(
                        user,
                        Fields.text(nameEn),
                        Fields.text(nameAr),
                        Fields.text(licenceNumber),
                        Fields.text(specialty),
                        clinics);
    }

    // accessors for binding

    public String getUserId() {
        return userId;
    }

    public void setUserId(String v) {
        userId = v;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String v) {
        nameEn = v;
    }

    public String getNameAr() {
        return nameAr;
    }

    public void setNameAr(String v) {
        nameAr = v;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public void setLicenceNumber(String v) {
        licenceNumber = v;
    }

    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String v) {
        specialty = v;
    }

    public List<String> getClinicIds() {
        return clinicIds;
    }

    public void setClinicIds(List<String> v) {
        clinicIds = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
