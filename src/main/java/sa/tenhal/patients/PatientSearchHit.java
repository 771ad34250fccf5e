package sa.tenhal.patients;

import java.time.LocalDate;

/** One line of a search result: enough to pick the right patient, nothing clinical. */
public record PatientSearchHit(
        PatientId id,
        String mrn,
        String givenNameAr,
        String familyNameAr,
        String givenNameEn,
        String familyNameEn,
        LocalDate birthDate,
        Sex sex,
        String mobile,
        IdentityDocumentType identityType,
        String identityNumber) {

    /** The hit without the patient's phone, for a role that does not see contact details. */
    public PatientSearchHit withoutContact() {
        return new PatientSearchHit(
                id,
                mrn,
                givenNameAr,
                familyNameAr,
                givenNameEn,
                familyNameEn,
                birthDate,
                sex,
                null,
                identityType,
                identityNumber);
    }
}
