package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.DaySchedules;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.shared.Language;

@RestController
@RequestMapping("/api/v1/providers/{id}")
@Tag(name = "Schedules")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
class DayScheduleController {

    private final DaySchedules schedules;
    private final PatientReads reads;

    DayScheduleController(DaySchedules schedules, PatientReads reads) {
        this.schedules = schedules;
        this.reads = reads;
    }

    @GetMapping("/day")
    @Operation(summary = "generate_daily_schedule: a provider's appointments on a local date")
    DaySchedules.DaySchedule day(
            @PathVariable UUID id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        DaySchedules.DaySchedule day = schedules.day(new ProviderId(id), date);
        reads.listed("Appointment", "api:day-schedule", patients(day));
        return day;
    }

    private static java.util.List<UUID> patients(DaySchedules.DaySchedule day) {
        return day.lines().stream()
                .map(DaySchedules.Line::patientId)
                .filter(java.util.Objects::nonNull)
                .map(sa.tenhal.patients.PatientId::value)
                .toList();
    }

    @GetMapping(value = "/day.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The same list as a PDF (lang: EN or AR)")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "EN") Language lang) {
        DaySchedules.DaySchedule day = schedules.day(new ProviderId(id), date);
        byte[] pdf = schedules.pdf(day, lang);
        reads.listed("Appointment", "export:day-schedule-pdf", patients(day));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"schedule-" + date + ".pdf\"")
                .body(pdf);
    }
}
