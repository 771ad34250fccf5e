package sa.tenhal.platform.jobs.engine;

import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.ProblemException;

/**
 * The admin's job pages: every recurring job with its schedule, next and last runs — change the schedule (the cron is
 * checked, its problem shown beside it), go back to the default, pause, resume, run now — and the dashboard of what
 * the engine is doing: running, retrying, due next, failed for good.
 */
@Controller
@RequestMapping("/admin/jobs")
@PreAuthorize("hasRole('ADMIN')")
class JobPages {

    private static final int FAILURES_PER_PAGE = 25;

    private final RecurringJobAdministration jobs;
    private final JobDashboard dashboard;
    private final JobFailures failures;
    private final MessageSource messages;

    JobPages(RecurringJobAdministration jobs, JobDashboard dashboard, JobFailures failures, MessageSource messages) {
        this.jobs = jobs;
        this.dashboard = dashboard;
        this.failures = failures;
        this.messages = messages;
    }

    @GetMapping
    String schedules(Model model) {
        model.addAttribute("jobs", jobs.list());
        return "admin/jobs";
    }

    @PostMapping("/{name}/schedule")
    String changeSchedule(
            @PathVariable String name, @RequestParam String cron, Model model, RedirectAttributes redirect) {
        try {
            jobs.changeSchedule(name, cron.strip().replaceAll("\\s+", " "));
            redirect.addFlashAttribute("notice", "admin.jobs.scheduleChanged");
            redirect.addFlashAttribute("changed", name);
            return "redirect:/admin/jobs";
        } catch (InvalidFieldsException e) {
            // The list again, with what was typed and why it is refused beside that job's schedule.
            model.addAttribute("cronError", Map.of(name, Forms.describe(messages, e)));
            model.addAttribute("typed", Map.of(name, cron));
            return schedules(model);
        }
    }

    @PostMapping("/{name}/reset")
    String resetSchedule(@PathVariable String name, RedirectAttributes redirect) {
        return act(name, redirect, "admin.jobs.scheduleReset", () -> jobs.resetSchedule(name));
    }

    @PostMapping("/{name}/pause")
    String pause(@PathVariable String name, RedirectAttributes redirect) {
        return act(name, redirect, "admin.jobs.paused", () -> jobs.pause(name));
    }

    @PostMapping("/{name}/resume")
    String resume(@PathVariable String name, RedirectAttributes redirect) {
        return act(name, redirect, "admin.jobs.resumed", () -> jobs.resume(name));
    }

    @PostMapping("/{name}/run")
    String runNow(@PathVariable String name, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        act(name, redirect, "admin.jobs.runRequested", () -> jobs.runNow(name));
        return "dashboard".equals(back) ? "redirect:/admin/jobs/dashboard" : "redirect:/admin/jobs";
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        long failureCount = failures.count();
        model.addAttribute("summary", dashboard.summary());
        model.addAttribute("running", dashboard.running(50));
        model.addAttribute("retrying", dashboard.retrying(50));
        model.addAttribute("upcoming", dashboard.upcoming(20));
        model.addAttribute("failures", failures.recent(current * FAILURES_PER_PAGE, FAILURES_PER_PAGE));
        model.addAttribute("failureCount", failureCount);
        model.addAttribute("page", current);
        model.addAttribute("hasMore", (long) (current + 1) * FAILURES_PER_PAGE < failureCount);
        model.addAttribute("recurringTask", RecurringJobs.TASK);
        model.addAttribute(
                "recurringJobs",
                jobs.list().stream()
                        .map(RecurringJobAdministration.JobView::name)
                        .toList());
        return "admin/job-dashboard";
    }

    private String act(String name, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("changed", name);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
        }
        return "redirect:/admin/jobs";
    }
}
