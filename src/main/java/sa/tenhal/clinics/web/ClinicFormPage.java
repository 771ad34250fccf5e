package sa.tenhal.clinics.web;

import org.springframework.validation.BindingResult;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;

/** A clinic's form as the page submits it; {@link #toForm} makes the {@link ClinicForm} the service checks. */
public class ClinicFormPage implements CatalogueFormPage<ClinicForm> {

    private String centreCode;
    private String code;
    private String nameEn;
    private String nameAr;
    private String discipline;
    private String phone;
    private long version;

    static ClinicFormPage of(ClinicDetails c) {
        ClinicFormPage page = new ClinicFormPage();
        page.centreCode = c.centreCode();
        page.code = c.code();
        page.nameEn = c.nameEn();
        page.nameAr = c.nameAr();
        page.discipline = c.discipline().name();
        page.phone = c.phone();
        page.version = c.version();
        return page;
    }

    /** The service's form, or null when a choice could not be read (the errors are then in {@code errors}). */
    public ClinicForm toForm(BindingResult errors) {
        Discipline chosen = Fields.choice(Discipline.class, discipline, "discipline", errors);
        return errors.hasErrors()
                ? null
                : new ClinicForm(
                        Fields.code(centreCode),
                        Fields.code(code),
                        Fields.text(nameEn),
                        Fields.text(nameAr),
                        chosen,
                        Fields.text(phone));
    }

    // accessors for binding

    public String getCentreCode() {
        return centreCode;
    }

    public void setCentreCode(String v) {
        centreCode = v;
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

    public String getDiscipline() {
        return discipline;
    }

    public void setDiscipline(String v) {
        discipline = v;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String v) {
        phone = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
