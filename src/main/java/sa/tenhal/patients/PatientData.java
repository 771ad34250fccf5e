package sa.tenhal.patients;

/**
 * The kinds of a patient's data that the need-to-know rules tell apart (docs/security.md). Each role reaches each kind
 * for every patient, for the patients of their care team, or not at all ({@link PatientAccess}).
 */
public enum PatientData {
    /** Name, record number, birth date, sex, nationality, identity document, insurance coverage. */
    IDENTITY,
    /** The patient's own phone, email, language, channels and quiet hours. */
    CONTACT,
    /** Guardians: names, relation, phones. */
    GUARDIANS,
    /** Appointments and their services, the waitlist, confirmations. */
    APPOINTMENTS,
    /** Why a patient was referred, and why a referral was rejected or cancelled. */
    REFERRAL_REASONS,
    /** The clinical record of visits (notes, diagnoses, vitals, orders). */
    CLINICAL_RECORD,
    /** Invoices, payments, refunds, balances, packages. */
    MONEY,
    /**
     * What an insurance claim needs of a visit and nothing of its note: the coded diagnoses (ICD-10), the services
     * performed and the orders' codes. Finance reaches these, never {@link #CLINICAL_RECORD}.
     */
    CLAIM_CODES
}
