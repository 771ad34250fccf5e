package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.notifications.ContactPreferences;
import sa.tenhal.patients.PatientId;

@RestController
@RequestMapping("/api/v1/patients/{id}/quiet-hours")
@Tag(name = "Patients", description = "Registration, search, archive, merge and the patient summary")
class QuietHoursController {

    private final ContactPreferences preferences;

    QuietHoursController(ContactPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
    @Operation(summary = "When non-urgent SMS and WhatsApp must wait (clinic-local time)")
    ContactPreferences.QuietHours get(@PathVariable UUID id) {
        return preferences.ofPatient(new PatientId(id));
    }

    record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {}

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    @Operation(summary = "Set the patient's quiet hours, e.g. 21:00 to 09:00")
    ContactPreferences.QuietHours set(@PathVariable UUID id, @Valid @RequestBody QuietHours hours) {
        return preferences.setQuietHours(new PatientId(id), hours.start(), hours.end());
    }

    @DeleteMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    @Operation(summary = "Back to the centre's default quiet hours")
    ContactPreferences.QuietHours reset(@PathVariable UUID id) {
        return preferences.reset(new PatientId(id));
    }
}
