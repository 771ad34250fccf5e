package sa.tenhal.patients;

/** ACTIVE patients are searchable and bookable; ARCHIVED ones can be restored; MERGED ones point to their survivor. */
public enum PatientStatus {
    ACTIVE,
    ARCHIVED,
    MERGED
}
