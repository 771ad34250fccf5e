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

    AvailabilityController(Availability availability, Calendar calendar, PatientReads reads) {
        this.availability = availability;
        this.calendar = calendar;
        this.reads = reads;
    }

    @GetMapping("/slots")
    @Operation(
            summary = "get_available_slots",
            description = "Free slots for a service from one provider, or any provider of its clinic when providerId"
                    + " is left out, on local dates from..to (at most 31 days); with patientId, the patient's own"
                    + " appointments rule slots out too.")
    List<Slot> slots(
            @RequestParam UUID serviceId,
            @RequestParam(required = false) UUID providerId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID patientId) {
        return availability.slots(new Availability.SlotQuery(
                new ServiceId(serviceId),
                providerId == null ? null : new ProviderId(providerId),
                from,
                to,
                patientId == null ? null : new PatientId(patientId)));
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
