package sa.tenhal.patients;

import java.util.Set;

/**
 * What the signed-in user may see of one patient ({@link PatientAccess#sight}).
 *
 * @param kinds the kinds of the patient's data they may see
 * @param couldBreakGlass true for a clinician outside the patient's care team: breaking the glass would open it
 */
public record PatientSight(PatientId patient, Set<PatientData> kinds, boolean couldBreakGlass) {

    public PatientSight {
        kinds = Set.copyOf(kinds);
    }

    public boolean sees(PatientData kind) {
        return kinds.contains(kind);
    }

    /** Refuses (403) unless the user may see this kind of the patient's data. */
    public void require(PatientData kind) {
        if (!sees(kind)) {
            throw couldBreakGlass ? new NotInCareTeamException(patient) : new NotYoursToSeeException(kind);
        }
    }

    /** The patient's details with what this user may not see left out (contact, guardians). */
    public PatientDetails redact(PatientDetails details) {
        if (sees(PatientData.CONTACT) && sees(PatientData.GUARDIANS)) {
            return details;
        }
        boolean contact = sees(PatientData.CONTACT);
        return new PatientDetails(
                details.id(),
                details.mrn(),
                details.givenNameAr(),
                details.familyNameAr(),
                details.givenNameEn(),
                details.familyNameEn(),
                details.birthDate(),
                details.sex(),
                details.nationality(),
                details.identityDocument(),
                contact ? details.mobile() : null,
                contact ? details.email() : null,
                details.preferredLanguage(),
                contact ? details.channels() : Set.of(),
                sees(PatientData.GUARDIANS) ? details.guardians() : java.util.List.of(),
                details.coverages(),
                details.status(),
                details.mergedInto(),
                details.archiveReason(),
                details.createdAt(),
                details.updatedAt(),
                details.version());
    }
}
