package sa.tenhal.platform.jobs.engine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.platform.Paging;

@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Jobs", description = "Recurring jobs and their schedules, failed executions (ADMIN)")
class JobsController {

    private final RecurringJobAdministration jobs;
    private final JobFailures failures;

    JobsController(RecurringJobAdministration jobs, JobFailures failures) {
        this.jobs = jobs;
        this.failures = failures;
    }

    @GetMapping("/jobs")
    @Operation(summary = "Every recurring job with its schedule (clinic-local cron), next and last runs")
    List<RecurringJobAdministration.JobView> list() {
        return jobs.list();
    }

    @GetMapping("/jobs/{name}")
    RecurringJobAdministration.JobView get(@PathVariable String name) {
        return jobs.get(name);
    }

    record Schedule(@NotBlank String cron) {}

    @PutMapping("/jobs/{name}/schedule")
    @Operation(summary = "Change a job's schedule (Spring cron with seconds, clinic-local time); takes effect at once")
    RecurringJobAdministration.JobView changeSchedule(
            @PathVariable String name, @Valid @RequestBody Schedule schedule) {
        return jobs.changeSchedule(name, schedule.cron().strip());
    }

    @DeleteMapping("/jobs/{name}/schedule")
    @Operation(summary = "Go back to the configured default schedule")
    RecurringJobAdministration.JobView resetSchedule(@PathVariable String name) {
        return jobs.resetSchedule(name);
    }

    @PostMapping("/jobs/{name}/pause")
    RecurringJobAdministration.JobView pause(@PathVariable String name) {
        return jobs.pause(name);
    }

    @PostMapping("/jobs/{name}/resume")
    RecurringJobAdministration.JobView resume(@PathVariable String name) {
        return jobs.resume(name);
    }

    @PostMapping("/jobs/{name}/run")
    @Operation(summary = "Run the job now; it then continues on its schedule")
    RecurringJobAdministration.JobView runNow(@PathVariable String name) {
        return jobs.runNow(name);
    }

    @GetMapping("/job-failures")
    @Operation(summary = "Executions that failed for good, newest first")
    PagedModel<JobFailures.Failure> failures(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Paging.page(page, size, failures.count(), failures::recent);
    }
}
