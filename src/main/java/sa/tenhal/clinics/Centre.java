package sa.tenhal.clinics;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One site of the clinic group: its legal and tax identity (for invoices) and address. Keyed by its code. */
@Entity
@Table(name = "centre")
class Centre extends CatalogEntry {

    private String code;
    private String nameEn;
    private String nameAr;
    private String vatNumber;
    private String crNumber;
    private String phone;
    private String street;
    private String buildingNumber;
    private String district;
    private String city;
    private String postalCode;
    private String streetAr;
    private String districtAr;
    private String cityAr;

    protected Centre() {}

    Centre(CentreForm form, Instant now) {
        super(now);
        this.code = form.code();
        apply(form, now);
    }

    void apply(CentreForm form, Instant now) {
        this.nameEn = form.nameEn();
        this.nameAr = form.nameAr();
        this.vatNumber = form.vatNumber();
        this.crNumber = form.crNumber();
        this.phone = form.phone() == null
                ? null
                : sa.tenhal.shared.PhoneNumber.parse(form.phone()).e164();
        this.street = form.street();
        this.buildingNumber = form.buildingNumber();
        this.district = form.district();
        this.city = form.city();
        this.postalCode = form.postalCode();
        this.streetAr = form.streetAr();
        this.districtAr = form.districtAr();
        this.cityAr = form.cityAr();
        touched(now);
    }

    String code() {
        return code;
    }

    CentreDetails details() {
        return new CentreDetails(
                id,
                code,
                nameEn,
                nameAr,
                vatNumber,
                crNumber,
                phone,
                street,
                buildingNumber,
                district,
                city,
                postalCode,
                streetAr,
                districtAr,
                cityAr,
                active,
                version);
    }
}
