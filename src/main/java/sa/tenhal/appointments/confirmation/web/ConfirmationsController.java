package sa.tenhal.appointments.confirmation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.confirmation.ConfirmationDetails;
import sa.tenhal.appointments.confirmation.ConfirmationKpi;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;

/**
 * Confirmation requests for staff and integrators: an appointment's request, confirmations by phone or in person, a
 * reminder on demand, the pending list and the KPI. Refusals are RFC 9457 problems: 404 unknown appointment, 409
 * illegal state (already confirmed, cancelled, no reminders left), 422 invalid fields.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Appointment confirmations")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
class ConfirmationsController {

    private final Confirmations confirmations;
    private final PatientAccess access;
    private final PatientReads reads;

    ConfirmationsController(Confirmations confirmations, PatientAccess access, PatientReads reads) {
        this.confirmations = confirmations;
        this.access = access;
        this.reads = reads;
    }

    /** How the patient confirmed, as staff record it. */
    record StaffConfirmation(@NotNull ConfirmationMethod method) {}

    @GetMapping("/appointments/{id}/confirmation")
    @Operation(summary = "The appointment's latest confirmation request (status, method, sent, reminders, expiry)")
    ConfirmationDetails current(@PathVariable UUID id) {
        ConfirmationDetails current = confirmations
                .current(new AppointmentId(id))
                .orElseThrow(() -> new NotFoundException("Confirmation of appointment", id));
        access.require(PatientData.APPOINTMENTS, current.patientId());
        reads.viewed(
                "AppointmentConfirmation", current.id(), current.patientId().value(), "api:confirmation");
        return current;
    }

    @PostMapping("/appointments/{id}/confirmation")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'NURSE')")
    @Operation(
            summary = "Record that the patient confirmed by PHONE or IN_PERSON",
            description = "Confirms the appointment (409 unless BOOKED); other methods are 422.")
    ConfirmationDetails confirm(@PathVariable UUID id, @Valid @RequestBody StaffConfirmation request) {
        return confirmations.confirmByStaff(new AppointmentId(id), request.method());
    }

    @PostMapping("/appointments/{id}/confirmation/reminders")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    @Operation(
            summary = "Send the patient a confirmation reminder now (with a new link)",
            description = "At most 3 reminders per request; 409 when none is left or the request is no longer valid.")
    ConfirmationDetails remind(@PathVariable UUID id) {
        ConfirmationDetails current = current(id);
        if (!current.valid()) {
            throw ConflictException.illegalTransition(
                    "confirmation", current.expired() ? "EXPIRED" : current.status(), "remind");
        }
        return confirmations.sendReminder(current.id());
    }

    @GetMapping("/confirmations/pending")
    @Operation(summary = "Unconfirmed appointments starting within `days` days (default 3), soonest first")
    List<ConfirmationDetails> pending(@RequestParam(defaultValue = "3") int days) {
        List<ConfirmationDetails> pending = confirmations.pending(days);
        var visible = access.visible(
                PatientData.APPOINTMENTS,
                pending.stream().map(c -> c.patientId().value()).toList());
        List<ConfirmationDetails> shown = pending.stream()
                .filter(c -> visible.contains(c.patientId().value()))
                .toList();
        reads.listed(
                "AppointmentConfirmation",
                "api:confirmations-pending",
                shown.stream().map(c -> c.patientId().value()).toList());
        return shown;
    }

    @GetMapping("/confirmations/kpi")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary = "Share of appointments confirmed before the day of the visit",
            description = "Visits from `from` to `to` (clinic-local dates, inclusive), optionally of one clinic or"
                    + " provider; cancelled visits are not counted, declined ones are reported apart.")
    ConfirmationKpi kpi(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(required = false) UUID providerId) {
        return confirmations.kpi(
                from,
                to,
                clinicId == null ? null : new ClinicId(clinicId),
                providerId == null ? null : new ProviderId(providerId));
    }
}
