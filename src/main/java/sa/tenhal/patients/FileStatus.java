package sa.tenhal.patients;

/** A patient file is OPEN while the patient is being seen at the centre; CLOSED files can be reopened. */
public enum FileStatus {
    OPEN,
    CLOSED
}
