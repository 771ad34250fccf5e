package sa.tenhal.integrations.nphies.web;

import sa.tenhal.integrations.nphies.PayerAdministration.PayerView;
import sa.tenhal.integrations.nphies.PayerForm;

/** The payer form of the payers page, bound field by field. */
public class PayerFormPage {

    private String payerId;
    private String licence;
    private String nameEn;
    private String nameAr;
    private String kind = "INSURER";
    private String insurerLicence;
    private boolean active = true;

    static PayerFormPage of(PayerView p) {
        PayerFormPage f = new PayerFormPage();
        f.payerId = p.payerId();
        f.licence = p.licence();
        f.nameEn = p.nameEn();
        f.nameAr = p.nameAr();
        f.kind = p.kind();
        f.insurerLicence = p.insurerLicence();
        f.active = p.active();
        return f;
    }

    PayerForm request() {
        return new PayerForm(payerId, licence, nameEn, nameAr, kind, insurerLicence, active);
    }

    public String getPayerId() {
        return payerId;
    }

    public void setPayerId(String payerId) {
        this.payerId = payerId;
    }

    public String getLicence() {
        return licence;
    }

    public void setLicence(String licence) {
        this.licence = licence;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getNameAr() {
        return nameAr;
    }

    public void setNameAr(String nameAr) {
        this.nameAr = nameAr;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getInsurerLicence() {
        return insurerLicence;
    }

    public void setInsurerLicence(String insurerLicence) {
        this.insurerLicence = insurerLicence;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
