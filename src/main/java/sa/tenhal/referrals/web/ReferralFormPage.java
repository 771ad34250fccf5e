package sa.tenhal.referrals.web;

import java.util.UUID;
import sa.tenhal.referrals.ReferralForm;
import sa.tenhal.referrals.Urgency;

/** The referral form as the page binds it; the API's {@link ReferralForm} is what gets validated and saved. */
public class ReferralFormPage {

    private UUID patientId;
    private UUID fromClinicId;
    private UUID toClinicId;
    private String externalFacility;
    private Urgency urgency = Urgency.ROUTINE;
    private String reason;
    private String notes;

    ReferralForm toForm(UUID fromProviderId) {
        return new ReferralForm(
                patientId,
                fromClinicId,
                fromProviderId,
                toClinicId,
                externalFacility == null || externalFacility.isBlank() ? null : externalFacility,
                reason,
                urgency,
                notes);
    }

    public UUID getPatientId() {
        return patientId;
    }

    public void setPatientId(UUID patientId) {
        this.patientId = patientId;
    }

    public UUID getFromClinicId() {
        return fromClinicId;
    }

    public void setFromClinicId(UUID fromClinicId) {
        this.fromClinicId = fromClinicId;
    }

    public UUID getToClinicId() {
        return toClinicId;
    }

    public void setToClinicId(UUID toClinicId) {
        this.toClinicId = toClinicId;
    }

    public String getExternalFacility() {
        return externalFacility;
    }

    public void setExternalFacility(String externalFacility) {
        this.externalFacility = externalFacility;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
