package sa.tenhal.patients;

/**
 * What a booking needs to know about its patient, read in one query: whether they can be booked ({@code status}) and
 * whether they have an insurance coverage on file ({@code insured}), which decides whether the booking concerns the
 * insurer at all.
 */
public record PatientStanding(PatientStatus status, boolean insured) {}
