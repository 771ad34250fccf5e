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
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;

@RestController
@RequestMapping("/api/v1/patients/{id}/quiet-hours")
@Tag(name = "Patients", description = "Registration, search, archive, merge and the patient summary")
class QuietHoursController {

    private final ContactPreferences preferences;
    private final PatientAccess access;

    QuietHoursController(ContactPreferences preferences, PatientAccess access) {
        this.preferences = preferences;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
    @Operation(summary = "When non-urgent SMS and WhatsApp must wait (clinic-local time)")
    ContactPreferences.QuietHours get(@PathVariable UUID id) {
        ContactPreferences.QuietHours hours = preferences.ofPatient(new PatientId(id));
        access.require(PatientData.CONTACT, new PatientId(id)); // a clinician, only for their care team's patients
        return hours;
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
