package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.patients.PatientId;
import sa.tenhal.shared.Language;

/**
 * What a patient is told about a visit, in both languages — and nothing clinical (no service, no notes): the
 * patient's first name (in the patient's language, and in each), the clinic, the provider, the local date and time, the centre's address and phone.
 */
public record VisitFacts(
        UUID appointmentId,
        PatientId patientId,
        String firstName,
        String firstNameEn,
        String firstNameAr,
        Language language,
        AppointmentStatus status,
        Instant startsAt,
        ZonedDateTime localStart,
        String clinicEn,
        String clinicAr,
        String providerEn,
        String providerAr,
        String centreEn,
        String centreAr,
        String address,
        String phone) {

    /** The first name as written in that language (the other one when it has none). */
    public String firstName(Language in) {
        String name = in == Language.AR ? firstNameAr : firstNameEn;
        return name != null ? name : firstName;
    }

    public String clinic(Language in) {
        return in == Language.AR ? clinicAr : clinicEn;
    }

    public String provider(Language in) {
        return in == Language.AR ? providerAr : providerEn;
    }

    public String centre(Language in) {
        return in == Language.AR ? centreAr : centreEn;
    }

    /** The local date and time as a person reads it, e.g. {@code Sunday 12 January 2031 09:00} (Western digits). */
    public String when(Language in) {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(
                in == Language.AR ? "EEEE d MMMM yyyy، HH:mm" : "EEEE d MMMM yyyy, HH:mm", in.locale());
        return localStart.format(format);
    }
}
