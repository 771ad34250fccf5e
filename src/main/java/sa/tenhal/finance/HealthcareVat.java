package sa.tenhal.finance;

import sa.tenhal.clinics.VatCategory;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientDetails;

/**
 * The VAT rule for a clinic's services. A standard-rated healthcare service billed to a Saudi citizen (identified by
 * their national ID) is zero-rated, because the state bears that VAT (Royal Decree A/86; ZATCA code VATEX-SA-HEA); the
 * same service billed to an insurer, or to anyone else, carries 15 %. A service the catalogue marks otherwise keeps its
 * own category whoever pays.
 */
final class HealthcareVat {

    private HealthcareVat() {}

    static VatTreatment treatment(VatCategory category, Payer payer, boolean citizen) {
        return switch (category == null ? VatCategory.STANDARD : category) {
            case STANDARD ->
                payer == Payer.PATIENT && citizen ? VatTreatment.HEALTHCARE_TO_CITIZEN : VatTreatment.STANDARD;
            case ZERO_RATED -> VatTreatment.MEDICINES;
            case EXEMPT -> VatTreatment.EXEMPT;
            case OUT_OF_SCOPE -> VatTreatment.OUT_OF_SCOPE;
        };
    }

    /** A Saudi citizen proves it with a national ID (ten digits starting with 1); residents hold an iqama. */
    static boolean citizen(PatientDetails patient) {
        PatientDetails.IdentityDocument id = patient.identityDocument();
        return id != null
                && id.type() == IdentityDocumentType.NATIONAL_ID
                && id.number() != null
                && id.number().startsWith("1");
    }
}
