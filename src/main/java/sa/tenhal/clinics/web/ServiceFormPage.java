package sa.tenhal.clinics.web;

import org.springframework.validation.BindingResult;
import sa.tenhal.clinics.InsuranceServiceType;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;

/** A service's form as the page submits it; {@link #toForm} makes the {@link ServiceForm} the service checks. */
public class ServiceFormPage implements CatalogueFormPage<ServiceForm> {

    private String clinicId;
    private String code;
    private String nameEn;
    private String nameAr;
    private String durationMinutes;
    private String bufferMinutes = "0";
    private String price;
    private String vatCategory = "STANDARD";
    private String roomKind;
    private String billingCode;
    private String insuranceServiceType;
    private long version;

    static ServiceFormPage of(ServiceDetails s) {
        ServiceFormPage page = new ServiceFormPage();
        page.clinicId = s.clinicId().value().toString();
        page.code = s.code();
        page.nameEn = s.nameEn();
        page.nameAr = s.nameAr();
        page.durationMinutes = Integer.toString(s.durationMinutes());
        page.bufferMinutes = Integer.toString(s.bufferMinutes());
        page.price = s.price().toPlainString();
        page.vatCategory = s.vatCategory().name();
        page.roomKind = s.roomKind() == null ? null : s.roomKind().name();
        page.billingCode = s.billingCode();
        page.insuranceServiceType = s.insuranceServiceType() == null
                ? null
                : s.insuranceServiceType().name();
        page.version = s.version();
        return page;
    }

    /** The service's form, or null when a value could not be read (the errors are then in {@code errors}). */
    public ServiceForm toForm(BindingResult errors) {
        var clinic = Fields.id(clinicId, "clinicId", errors);
        Integer duration = Fields.integer(durationMinutes, "durationMinutes", errors);
        Integer buffer = Fields.integer(bufferMinutes, "bufferMinutes", errors);
        var amount = Fields.amount(price, "price", errors);
        VatCategory vat = Fields.choice(VatCategory.class, vatCategory, "vatCategory", errors);
        RoomKind room = Fields.choice(RoomKind.class, roomKind, "roomKind", errors);
        InsuranceServiceType insurance =
                Fields.choice(InsuranceServiceType.class, insuranceServiceType, "insuranceServiceType", errors);
        return errors.hasErrors()
                ? null
                : new ServiceForm(
                        clinic,
                        Fields.code(code),
                        Fields.text(nameEn),
                        Fields.text(nameAr),
                        duration,
                        buffer,
                        amount,
                        vat,
                        room,
                        Fields.text(billingCode),
                        insurance);
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

    public String getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(String v) {
        durationMinutes = v;
    }

    public String getBufferMinutes() {
        return bufferMinutes;
    }

    public void setBufferMinutes(String v) {
        bufferMinutes = v;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String v) {
        price = v;
    }

    public String getVatCategory() {
        return vatCategory;
    }

    public void setVatCategory(String v) {
        vatCategory = v;
    }

    public String getRoomKind() {
        return roomKind;
    }

    public void setRoomKind(String v) {
        roomKind = v;
    }

    public String getBillingCode() {
        return billingCode;
    }

    public void setBillingCode(String v) {
        billingCode = v;
    }

    public String getInsuranceServiceType() {
        return insuranceServiceType;
    }

    public void setInsuranceServiceType(String v) {
        insuranceServiceType = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
