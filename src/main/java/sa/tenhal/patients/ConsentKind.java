package sa.tenhal.patients;

/** What a patient (or guardian) consents to. */
public enum ConsentKind {
    TREATMENT,
    DATA_SHARING,
    PHOTO_VIDEO,
    TELEHEALTH,
    RESEARCH,
    COMMUNICATION
}
