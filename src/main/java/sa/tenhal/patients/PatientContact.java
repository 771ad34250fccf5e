package sa.tenhal.patients;

import java.util.Set;
import sa.tenhal.shared.Language;

/**
 * Where and how to reach a patient, for notifications: the patient's own mobile, or for a child without one the
 * primary guardian's; the channels they agreed to; their language. Holds the given name only (for a greeting): in
 * their language, and in Arabic and English for a message in the other one.
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
        String givenNameAr) {}
