package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;

/** A waitlist entry; {@code status} is WAITING, OFFERED, BOOKED or CANCELLED. */
public record WaitlistEntryDetails(
        UUID id,
        PatientId patientId,
        ClinicId clinicId,
        ServiceId serviceId,
        ProviderId providerId,
        Set<DayOfWeek> preferredDays,
        LocalTime preferredFrom,
        LocalTime preferredTo,
        LocalDate waitUntil,
        String status,
        String notes,
        AppointmentId appointmentId,
        Instant createdAt) {}
