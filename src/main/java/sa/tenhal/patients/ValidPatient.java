package sa.tenhal.patients;

import java.util.List;
import java.util.UUID;

/**
 * A {@link PatientForm} that passed every rule, with its values in stored form: ID numbers in ASCII digits, passport
 * numbers upper-case, phones in E.164. Only {@link PatientRules} makes these.
 */
record ValidPatient(
        PatientForm form,
        IdentityDocumentType idType,
        String idNumber,
        String idCountry,
        String mobile,
        List<ValidGuardian> guardians) {

    record ValidGuardian(UUID id, String name, GuardianRelation relation, String phone, boolean primaryContact) {}
}
