package sa.tenhal.patients;

import java.util.Set;
import sa.tenhal.shared.Language;

/**
 * Where and how to reach a patient, for notifications: the patient's own mobile, or for a child without one the
 * primary guardian's; the channels they agreed to; their language. Holds the given name only (for a greeting): in
 * their language, and in Arabic and English for a message in the other one. For a child (under 18) with a primary
 * guardian, and for a patient without a mobile of their own, messages go to the guardian ({@code viaGuardian}): they
 * greet {@code guardianName} and name the child.
 */
public record PatientContact(
        PatientId patientId,
        String givenName,
        Language language,
        String mobile,
        String email,
        Set<ContactChannel> channels,
        boolean viaGuardian,
        String givenNameEn,
        String givenNameAr,
        String guardianName) {

    public PatientContact(
            PatientId patientId,
            String givenName,
            Language language,
            String mobile,
            String email,
            Set<ContactChannel> channels,
            boolean viaGuardian,
            String givenNameEn,
            String givenNameAr) {
        this(patientId, givenName, language, mobile, email, channels, viaGuardian, givenNameEn, givenNameAr, null);
    }

    /** The person a message greets: the guardian for a child, else the patient. */
    public String greeted() {
        return viaGuardian && guardianName != null ? guardianName : givenName;
    }
}
