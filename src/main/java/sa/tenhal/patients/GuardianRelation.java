package sa.tenhal.patients;

/** A guardian's relation to the patient. */
public enum GuardianRelation {
    FATHER,
    MOTHER,
    BROTHER,
    SISTER,
    GRANDFATHER,
    GRANDMOTHER,
    UNCLE,
    AUNT,
    LEGAL_GUARDIAN,
    OTHER
}
