package sa.tenhal.patients;

import java.time.LocalDate;

/** A registered patient who may be the same person as the one being registered, and why we think so. */
public record DuplicateCandidate(
        PatientId id, String mrn, String nameEn, String nameAr, LocalDate birthDate, Reason reason) {

    public enum Reason {
        SAME_NAME_AND_BIRTH_DATE,
        SAME_MOBILE
    }
}
