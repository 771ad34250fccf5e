package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.Availability;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.Slot;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Availability")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
class AvailabilityController {

    private final Availability availability;
    private final Calendar calendar;
    private final PatientReads reads;
    private final sa.tenhal.platform.ClinicTime time;

    AvailabilityController(
            Availability availability, Calendar calendar, PatientReads reads, sa.tenhal.platform.ClinicTime time) {
        this.availability = availability;
        this.calendar = calendar;
        this.reads = reads;
        this.time = time;
    }

    @GetMapping("/slots")
    @Operation(
            summary = "get_available_slots",
            description = "Free slots for a service from one provider, or any provider of its clinic when providerId"
                    + " is left out, from..to (at most 31 days); with patientId, the patient's own appointments rule"
                    + " slots out too. from and to are clinic-local dates (2026-11-22: the whole day) or ISO date-times"
                    + " as everywhere else in the API (2026-11-22T06:00:00Z, 2026-11-22T09:00+03:00: slots starting"
                    + " from that moment, and before it for to).")
    List<Slot> slots(
            @RequestParam UUID serviceId,
            @RequestParam(required = false) UUID providerId,
            @RequestParam @io.swagger.v3.oas.annotations.Parameter(example = "2026-11-22") String from,
            @RequestParam @io.swagger.v3.oas.annotations.Parameter(example = "2026-11-28") String to,
            @RequestParam(required = false) UUID patientId) {
        java.time.temporal.Temporal start = dayOrMoment("from", from);
        java.time.temporal.Temporal end = dayOrMoment("to", to);
        List<Slot> slots = availability.slots(new Availability.SlotQuery(
                new ServiceId(serviceId),
                providerId == null ? null : new ProviderId(providerId),
                day(start),
                day(end),
                patientId == null ? null : new PatientId(patientId)));
        return slots.stream()
                .filter(s ->
                        !(start instanceof java.time.Instant i) || !s.startsAt().isBefore(i))
                .filter(s ->
                        !(end instanceof java.time.Instant i) || s.startsAt().isBefore(i))
                .toList();
    }

    private LocalDate day(java.time.temporal.Temporal t) {
        return t instanceof java.time.Instant i ? time.local(i).toLocalDate() : (LocalDate) t;
    }

    /** A local date, or an instant from an ISO date-time with Z or an offset: what the rest of the API accepts. */
    static java.time.temporal.Temporal dayOrMoment(String field, String text) {
        String value = text == null ? "" : text.strip();
        java.time.temporal.Temporal parsed;
        try {
            parsed = value.length() <= 10 && !value.contains("T")
                    ? LocalDate.parse(value)
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new sa.tenhal.platform.MalformedRequestException(
                    field, "must be a date (2026-11-22) or an ISO date-time (2026-11-22T09:00:00+03:00)");
        }
        int year = parsed instanceof java.time.Instant i
                ? i.atOffset(java.time.ZoneOffset.UTC).getYear()
                : ((LocalDate) parsed).getYear();
        if (year < 1 || year > 9999) {
            throw new sa.tenhal.platform.MalformedRequestException(field, "must lie in the years 0001 to 9999");
        }
        return parsed;
    }

    @GetMapping("/calendar")
    @Operation(
            summary = "get_calendar_slots",
            description = "A day or a week (Sunday to Saturday) of a clinic, a provider or a room: working time and"
                    + " appointments per lane. Name exactly one of clinicId, providerId and roomId.")
    Calendar.CalendarData calendar(
            @RequestParam(defaultValue = "DAY") Calendar.View view,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(required = false) UUID providerId,
            @RequestParam(required = false) UUID roomId) {
        Calendar.CalendarData data = calendar.calendar(
                view,
                date,
                clinicId == null ? null : new ClinicId(clinicId),
                providerId == null ? null : new ProviderId(providerId),
                roomId == null ? null : new RoomId(roomId));
        reads.listed("Appointment", "api:calendar", Calendar.patients(data));
        return data;
    }
}
