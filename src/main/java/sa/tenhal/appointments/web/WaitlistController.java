package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.Waitlist;
import sa.tenhal.appointments.WaitlistEntryDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1/waitlist")
@Tag(name = "Waitlist")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
class WaitlistController {

    private final Waitlist waitlist;
    private final PatientReads reads;

    WaitlistController(Waitlist waitlist, PatientReads reads) {
        this.waitlist = waitlist;
        this.reads = reads;
    }

    record WaitlistRequest(
            @NotNull UUID patientId,
            @NotNull UUID serviceId,
            UUID providerId,
            Set<DayOfWeek> days,
            LocalTime from,
            LocalTime to,
            LocalDate until,
            @Size(max = 300) String notes) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Put a patient on the waitlist",
            description = "For a service (its clinic), with one provider or any, on preferred days (Sunday to"
                    + " Thursday when none are named) and local hours, until a date. Freed slots that suit are"
                    + " offered by a link valid 2 hours; the first claim books.")
    WaitlistEntryDetails join(@Valid @RequestBody WaitlistRequest request) {
        return waitlist.join(new Waitlist.Wish(
                new PatientId(request.patientId()),
                new ServiceId(request.serviceId()),
                request.providerId() == null ? null : new ProviderId(request.providerId()),
                request.days(),
                request.from(),
                request.to(),
                request.until(),
                request.notes()));
    }

    @GetMapping
    List<WaitlistEntryDetails> list(
            @RequestParam(required = false) UUID clinicId, @RequestParam(required = false) UUID patientId) {
        List<WaitlistEntryDetails> entries = waitlist.entries(
                clinicId == null ? null : new ClinicId(clinicId), patientId == null ? null : new PatientId(patientId));
        reads.listed(
                "WaitlistEntry",
                "api:waitlist",
                entries.stream().map(e -> e.patientId().value()).toList());
        return entries;
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Take the patient off the waitlist")
    WaitlistEntryDetails leave(@PathVariable UUID id) {
        return waitlist.leave(id);
    }
}
