package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.ClosureDetails;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.TimeOffDetails;
import sa.tenhal.appointments.WeeklyInterval;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Schedules")
class SchedulesController {

    private final Schedules schedules;

    SchedulesController(Schedules schedules) {
        this.schedules = schedules;
    }

    record TimeOffRequest(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 200) String reason) {}

    record ClosureRequest(
            UUID clinicId,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotBlank @Size(max = 200) String reason) {}

    @GetMapping("/providers/{id}/working-hours")
    @PreAuthorize("isAuthenticated()")
    List<WeeklyInterval> workingHours(@PathVariable UUID id) {
        return schedules.workingHours(new ProviderId(id));
    }

    @PostMapping("/providers/{id}/working-hours")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary = "create_schedule: add weekly working hours",
            description = "The same local intervals on each of the days (Sunday to Thursday when none are named),"
                    + " valid from validFrom until validTo (open-ended when absent).")
    List<WeeklyInterval> addWorkingHours(@PathVariable UUID id, @RequestBody Schedules.WeeklySchedule schedule) {
        return schedules.addWorkingHours(new ProviderId(id), schedule);
    }

    @DeleteMapping("/providers/{id}/working-hours/{hoursId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    void removeWorkingHours(@PathVariable UUID id, @PathVariable UUID hoursId) {
        schedules.removeWorkingHours(new ProviderId(id), hoursId);
    }

    @GetMapping("/providers/{id}/time-off")
    @PreAuthorize("isAuthenticated()")
    List<TimeOffDetails> timeOff(
            @PathVariable UUID id,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return schedules.timeOff(
                new ProviderId(id),
                from == null ? Instant.EPOCH : from,
                to == null ? Instant.parse("9999-12-31T00:00:00Z") : to);
    }

    @PostMapping("/providers/{id}/time-off")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Leave or training: the provider is not bookable in [startsAt, endsAt)")
    TimeOffDetails addTimeOff(@PathVariable UUID id, @Valid @RequestBody TimeOffRequest request) {
        return schedules.addTimeOff(new ProviderId(id), request.startsAt(), request.endsAt(), request.reason());
    }

    @DeleteMapping("/providers/{id}/time-off/{timeOffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    void removeTimeOff(@PathVariable UUID id, @PathVariable UUID timeOffId) {
        schedules.removeTimeOff(new ProviderId(id), timeOffId);
    }

    @GetMapping("/closures")
    @PreAuthorize("isAuthenticated()")
    List<ClosureDetails> closures(@RequestParam(required = false) Instant from) {
        return schedules.closures(from == null ? Instant.EPOCH : from);
    }

    @PostMapping("/closures")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Close the centre (or one clinic) on local dates from..to inclusive, e.g. the Eid days")
    ClosureDetails addClosure(@Valid @RequestBody ClosureRequest request) {
        return schedules.addClosure(
                request.clinicId() == null ? null : new ClinicId(request.clinicId()),
                request.from(),
                request.to(),
                request.reason());
    }

    @DeleteMapping("/closures/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    void removeClosure(@PathVariable UUID id) {
        schedules.removeClosure(id);
    }
}
