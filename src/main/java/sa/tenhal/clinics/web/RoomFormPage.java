package sa.tenhal.clinics.web;

import org.springframework.validation.BindingResult;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomKind;

/** A room's form as the page submits it; {@link #toForm} makes the {@link RoomForm} the service checks. */
public class RoomFormPage implements CatalogueFormPage<RoomForm> {

    private String clinicId;
    private String code;
    private String nameEn;
    private String nameAr;
    private String kind;
    private long version;

    static RoomFormPage of(RoomDetails r) {
        RoomFormPage page = new RoomFormPage();
        page.clinicId = r.clinicId().value().toString();
        page.code = r.code();
        page.nameEn = r.nameEn();
        page.nameAr = r.nameAr();
        page.kind = r.kind().name();
        page.version = r.version();
        return page;
    }

    /** The service's form, or null when a choice could not be read (the errors are then in {@code errors}). */
    public RoomForm toForm(BindingResult errors) {
        var clinic = Fields.id(clinicId, "clinicId", errors);
        RoomKind chosen = Fields.choice(RoomKind.class, kind, "kind", errors);
        return errors.hasErrors()
                ? null
                : new RoomForm(clinic, Fields.code(code), Fields.text(nameEn), Fields.text(nameAr), chosen);
    }

    // accessors for binding

    public String getClinicId() {
        return clinicId;
    }

    public void setClinicId(String v) {
        clinicId = v;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String v) {
        code = v;
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

    public String getKind() {
        return kind;
    }

    public void setKind(String v) {
        kind = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
