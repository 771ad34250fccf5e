package sa.tenhal.clinics;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A service a clinic offers, which is also an appointment type: how long it takes, how much time to leave after it
 * (cleaning, notes), its price in SAR and VAT category, and the kind of room it needs, if any.
 */
@Entity
@Table(name = "clinical_service")
class ClinicalService extends CatalogEntry {

    private UUID clinicId;
    private String code;
    private String nameEn;
    private String nameAr;
    private int durationMinutes;
    private int bufferMinutes;
    private BigDecimal price;

    @Enumerated(EnumType.STRING)
    private VatCategory vatCategory;

    @Enumerated(EnumType.STRING)
    private RoomKind roomKind;

    private String billingCode;

    @Enumerated(EnumType.STRING)
    private InsuranceServiceType insuranceServiceType;

    protected ClinicalService() {}

    ClinicalService(ServiceForm form, Instant now) {
        super(now);
        this.clinicId = form.clinicId();
        this.code = form.code();
        apply(form, now);
    }

    void apply(ServiceForm form, Instant now) {
        this.nameEn = form.nameEn();
        this.nameAr = form.nameAr();
        this.durationMinutes = form.durationMinutes();
        this.bufferMinutes = form.bufferMinutes() == null ? 0 : form.bufferMinutes();
        this.price = form.price().setScale(2, RoundingMode.UNNECESSARY);
        this.vatCategory = form.vatCategory() == null ? VatCategory.STANDARD : form.vatCategory();
        this.roomKind = form.roomKind();
        this.billingCode = form.billingCode();
        this.insuranceServiceType = form.billingCode() == null
                ? null
                : form.insuranceServiceType() == null ? InsuranceServiceType.SERVICES : form.insuranceServiceType();
        touched(now);
    }

    UUID clinicId() {
        return clinicId;
    }

    ServiceDetails details() {
        return new ServiceDetails(
                new ServiceId(id),
                new ClinicId(clinicId),
                code,
                nameEn,
                nameAr,
                durationMinutes,
                bufferMinutes,
                price,
                vatCategory,
                roomKind,
                active,
                version,
                billingCode,
                insuranceServiceType);
    }
}
