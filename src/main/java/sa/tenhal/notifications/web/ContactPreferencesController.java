package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.notifications.Channel;
import sa.tenhal.notifications.ContactPreferences;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;

/**
 * How a patient wants to be reached: the order in which their messages try the channels (or every channel at once),
 * and their quiet hours. Reception and managers change them; clinicians read them for their care team's patients.
 */
@RestController
@RequestMapping("/api/v1/patients/{id}")
@Tag(name = "Patients", description = "Registration, search, archive, merge and the patient summary")
class ContactPreferencesController {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')";
    static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')";

    private final ContactPreferences preferences;
    private final PatientAccess access;

    ContactPreferencesController(ContactPreferences preferences, PatientAccess access) {
        this.preferences = preferences;
        this.access = access;
    }

    @GetMapping("/channels")
    @PreAuthorize(READERS)
    @Operation(summary = "The order of the patient's channels (one at a time, the next only when one fails)")
    ContactPreferences.ChannelChoice channels(@PathVariable UUID id) {
        ContactPreferences.ChannelChoice choice = preferences.channelsOf(new PatientId(id));
        access.require(PatientData.CONTACT, new PatientId(id)); // a clinician, only for their care team's patients
        return choice;
    }

    /**
     * @param order the channels in the order to try them (WHATSAPP, SMS, EMAIL); those left out follow in the centre's
     *     order
     * @param everyChannel the patient asked for every channel they agreed to at once (absent: no)
     */
    record Choice(@NotNull List<@NotNull Channel> order, Boolean everyChannel) {}

    @PutMapping("/channels")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Set the order of the patient's channels, e.g. SMS before WhatsApp, or every channel at once")
    ContactPreferences.ChannelChoice setChannels(@PathVariable UUID id, @Valid @RequestBody Choice choice) {
        return preferences.setChannels(new PatientId(id), choice.order(), Boolean.TRUE.equals(choice.everyChannel()));
    }

    @GetMapping("/quiet-hours")
    @PreAuthorize(READERS)
    @Operation(summary = "When non-urgent SMS and WhatsApp must wait (clinic-local time)")
    ContactPreferences.QuietHours quietHours(@PathVariable UUID id) {
        ContactPreferences.QuietHours hours = preferences.ofPatient(new PatientId(id));
        access.require(PatientData.CONTACT, new PatientId(id)); // a clinician, only for their care team's patients
        return hours;
    }

    record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {}

    @PutMapping("/quiet-hours")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Set the patient's quiet hours, e.g. 21:00 to 09:00")
    ContactPreferences.QuietHours setQuietHours(@PathVariable UUID id, @Valid @RequestBody QuietHours hours) {
        return preferences.setQuietHours(new PatientId(id), hours.start(), hours.end());
    }

    @DeleteMapping("/quiet-hours")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Back to the centre's default quiet hours")
    ContactPreferences.QuietHours resetQuietHours(@PathVariable UUID id) {
        return preferences.reset(new PatientId(id));
    }
}
