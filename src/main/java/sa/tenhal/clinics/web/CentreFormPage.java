package sa.tenhal.clinics.web;

import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.CentreForm;

/** A centre's form as the page submits it; {@link #toForm} makes the {@link CentreForm} the service checks. */
public class CentreFormPage {

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
    private long version;

    static CentreFormPage of(CentreDetails c) {
        CentreFormPage page = new CentreFormPage();
        page.code = c.code();
        page.nameEn = c.nameEn();
        page.nameAr = c.nameAr();
        page.vatNumber = c.vatNumber();
        page.crNumber = c.crNumber();
        page.phone = c.phone();
        page.street = c.street();
        page.buildingNumber = c.buildingNumber();
        page.district = c.district();
        page.city = c.city();
        page.postalCode = c.postalCode();
        page.streetAr = c.streetAr();
        page.districtAr = c.districtAr();
        page.cityAr = c.cityAr();
        page.version = c.version();
        return page;
    }

    CentreForm toForm() {
        return new CentreForm(
                Fields.code(code),
                Fields.text(nameEn),
                Fields.text(nameAr),
                Fields.text(vatNumber),
                Fields.text(crNumber),
                Fields.text(phone),
                Fields.text(street),
                Fields.text(buildingNumber),
                Fields.text(district),
                Fields.text(city),
                Fields.text(postalCode),
                Fields.text(streetAr),
                Fields.text(districtAr),
                Fields.text(cityAr));
    }

    // accessors for binding

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

    public String getVatNumber() {
        return vatNumber;
    }

    public void setVatNumber(String v) {
        vatNumber = v;
    }

    public String getCrNumber() {
        return crNumber;
    }

    public void setCrNumber(String v) {
        crNumber = v;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String v) {
        phone = v;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String v) {
        street = v;
    }

    public String getBuildingNumber() {
        return buildingNumber;
    }

    public void setBuildingNumber(String v) {
        buildingNumber = v;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String v) {
        district = v;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String v) {
        city = v;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String v) {
        postalCode = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }

    public String getStreetAr() {
        return streetAr;
    }

    public void setStreetAr(String v) {
        streetAr = v;
    }

    public String getDistrictAr() {
        return districtAr;
    }

    public void setDistrictAr(String v) {
        districtAr = v;
    }

    public String getCityAr() {
        return cityAr;
    }

    public void setCityAr(String v) {
        cityAr = v;
    }
}
