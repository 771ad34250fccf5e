package sa.tenhal.patients;

/** Sex as recorded on the identity document (NPHIES administrative gender). */
public enum Sex {
    MALE,
    FEMALE
}
