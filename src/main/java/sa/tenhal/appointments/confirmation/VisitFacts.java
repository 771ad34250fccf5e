package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.patients.PatientContact;
import sa.tenhal.patients.PatientId;
import sa.tenhal.shared.Language;

/**
 * What a patient is told about a visit, in both languages — and nothing clinical (no service, no notes): the
 * patient's first name (in the patient's language, and in each), the clinic, the provider, the local date and time,
 * the centre's address and phone. With the patient's contact it was read with ({@code null} when the patient is gone),
 * so that whoever sends the message need not read it again.
 */
public record VisitFacts(
        UUID appointmentId,
        PatientId patientId,
        PatientContact contact,
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
        String phone,
        Instant endsAt,
        ZonedDateTime localCancelled,
        boolean cancelledByPatient) {

    /** Whether the appointment was cancelled (by the clinic, or at the patient's request). */
    public boolean cancelled() {
        return status == AppointmentStatus.CANCELLED;
    }

    /** Whether the clinic (not the patient) cancelled it. */
    public boolean cancelledByClinic() {
        return cancelled() && !cancelledByPatient;
    }

    /** The day it was cancelled, as a person reads it; {@code null} when it was not. */
    public String cancelledOn(Language in) {
        return localCancelled == null ? null : day(localCancelled, in);
    }

    /** A day as a person reads it, e.g. {@code Sunday 12 January 2031} (Western digits). */
    public static String day(ZonedDateTime at, Language in) {
        return at.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", in.locale()));
    }

    /** Any local time as {@link #when(Language)} writes it. */
    public static String when(ZonedDateTime at, Language in) {
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(
                in == Language.AR ? "EEEE d MMMM yyyy، HH:mm" : "EEEE d MMMM yyyy, HH:mm", in.locale());
        return at.format(format);
    }

    /** The first name in the patient's own language (the other one when it has none). */
    public String firstName() {
        return contact == null ? null : contact.givenName();
    }

    /** The first name as written in that language (the other one when it has none). */
    public String firstName(Language in) {
        if (contact == null) {
            return null;
        }
        String name = in == Language.AR ? contact.givenNameAr() : contact.givenNameEn();
        return name != null ? name : contact.givenName();
    }

    /** The patient's language; Arabic when the patient is gone. */
    public Language language() {
        return contact == null ? Language.AR : contact.language();
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
        return when(localStart, in);
    }
}
