package sa.tenhal.clinics;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** A clinic of a centre, practising one discipline (speech-language, OT, ABA, …). */
@Entity
@Table(name = "clinic")
class Clinic extends CatalogEntry {

    private String centreCode;
    private String code;
    private String nameEn;
    private String nameAr;

    @Enumerated(EnumType.STRING)
    private Discipline discipline;

    private String phone;

    protected Clinic() {}

    Clinic(ClinicForm form, Instant now) {
        super(now);
        this.centreCode = form.centreCode();
        this.code = form.code();
        apply(form, now);
    }

    void apply(ClinicForm form, Instant now) {
        this.nameEn = form.nameEn();
        this.nameAr = form.nameAr();
        this.discipline = form.discipline();
        this.phone = form.phone() == null
                ? null
                : sa.tenhal.shared.PhoneNumber.parse(form.phone()).e164();
        touched(now);
    }

    String centreCode() {
        return centreCode;
    }

    String code() {
        return code;
    }

    ClinicDetails details() {
        return new ClinicDetails(
                new ClinicId(id), centreCode, code, nameEn, nameAr, discipline, phone, active, version);
    }
}
