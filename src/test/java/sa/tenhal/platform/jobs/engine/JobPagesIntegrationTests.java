package sa.tenhal.platform.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.platform.jobs.RecurringJob;
import sa.tenhal.shared.Language;

/**
 * The job pages on the shared test database, where no node runs jobs ({@code tenhal.jobs.execute=false}): schedules
 * are listed and changed for real; the dashboard reads rows this test puts in the engine's tables.
 */
@TenhalIntegrationTest
class JobPagesIntegrationTests {

    static final String JOB = "resubmit-failed-events";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecurringJobAdministration jobs;

    Cookie admin;

    @BeforeEach
    void signIn() {
        admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
    }

    @AfterEach
    void putTheJobBack() {
        jobs.resetSchedule(JOB);
        jobs.resume(JOB);
        jdbc.sql("delete from scheduled_tasks where task_name = 'page-test'").update();
        jdbc.sql("delete from job_failure where task_instance like 'page-test%' or error like 'page-test%'")
                .update();
    }

    @Test
    void theSchedulesShowEachJobInBothLanguages() {
        MvcTestResult english = mvc.get().uri("/admin/jobs").cookie(admin).exchange();
        assertThat(english).hasStatusOk();
        assertThat(Bodies.text(english))
                .contains("Job schedules", JOB, "Retry events whose listener failed", "30 * * * * *", "Next run");
        MvcTestResult arabic =
                mvc.get().uri("/admin/jobs?lang=ar").cookie(admin).exchange();
        assertThat(Bodies.text(arabic))
                .contains("dir=\"rtl\"", "جداول المهام", "إعادة محاولة الأحداث التي أخفق مستمعها", "التشغيل التالي");
    }

    @Test
    void everyJobIsDescribedInArabicAndEnglish(
            @Autowired List<RecurringJob> recurring, @Autowired MessageSource messages) {
        assertThat(recurring).hasSizeGreaterThan(10);
        for (RecurringJob job : recurring) {
            String english = messages.getMessage("job." + job.name(), null, null, Locale.ENGLISH);
            String arabic = messages.getMessage("job." + job.name(), null, null, Language.AR.locale());
            assertThat(english).as(job.name() + " in English").isNotBlank();
            assertThat(arabic).as(job.name() + " in Arabic").isNotBlank().containsPattern("[\\u0600-\\u06FF]");
        }
    }

    @Test
    void anAdminChangesAScheduleAndGoesBackToTheDefault() {
        assertThat(mvc.post()
                        .uri("/admin/jobs/{name}/schedule", JOB)
                        .cookie(admin)
                        .with(csrf())
                        .param("cron", "  0 15  3 * * *  "))
                .hasRedirectedUrl("/admin/jobs");
        var view = jobs.get(JOB);
        assertThat(view.cron()).isEqualTo("0 15 3 * * *");
        assertThat(view.customized()).isTrue();
        assertThat(view.updatedBy()).startsWith("t");
        assertThat(view.nextRun()).isNotNull();
        assertThat(Bodies.text(mvc.get().uri("/admin/jobs").cookie(admin).exchange()))
                .contains("The new schedule is in effect.", "value=\"0 15 3 * * *\"", "Back to the default schedule");

        assertThat(mvc.post().uri("/admin/jobs/{name}/reset", JOB).cookie(admin).with(csrf()))
                .hasRedirectedUrl("/admin/jobs");
        assertThat(jobs.get(JOB).cron()).isEqualTo("30 * * * * *");
        assertThat(jobs.get(JOB).customized()).isFalse();
    }

    @Test
    void aWrongScheduleComesBackBesideItsFieldInArabicAndChangesNothing() {
        MvcTestResult wrong = mvc.post()
                .uri("/admin/jobs/{name}/schedule?lang=ar", JOB)
                .cookie(admin)
                .with(csrf())
                .param("cron", "every day at nine")
                .exchange();
        assertThat(wrong).hasStatusOk();
        assertThat(Bodies.text(wrong))
                .containsPattern("id=\"cron-" + JOB + "\"[^>]*class=\"invalid\"")
                .contains("value=\"every day at nine\"", "هذا ليس جدولًا من ستة حقول");

        MvcTestResult never = mvc.post()
                .uri("/admin/jobs/{name}/schedule", JOB)
                .cookie(admin)
                .with(csrf())
                .param("cron", "0 0 0 30 2 *")
                .exchange();
        assertThat(Bodies.text(never)).contains("This schedule never comes round");
        assertThat(jobs.get(JOB).cron()).isEqualTo("30 * * * * *");
    }

    @Test
    void anAdminPausesAndResumesAJob() {
        assertThat(mvc.post().uri("/admin/jobs/{name}/pause", JOB).cookie(admin).with(csrf()))
                .hasRedirectedUrl("/admin/jobs");
        assertThat(jobs.get(JOB).paused()).isTrue();
        assertThat(jobs.get(JOB).nextRun()).isNull();
        assertThat(Bodies.text(mvc.get().uri("/admin/jobs").cookie(admin).exchange()))
                .contains("The job is paused", "None while paused", "Resume");

        assertThat(mvc.post()
                        .uri("/admin/jobs/{name}/resume", JOB)
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/jobs");
        assertThat(jobs.get(JOB).paused()).isFalse();
        assertThat(jobs.get(JOB).nextRun()).isNotNull();
    }

    @Test
    void theDashboardShowsRunningRetryingAndFailedExecutions() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        insertExecution("page-test-running", now.minusSeconds(30), true, 0);
        insertExecution("page-test-retrying", now.plusSeconds(120), false, 2);
        jdbc.sql("""
                        insert into job_failure (task_name, task_instance, attempts, error, failed_at, permanent)
                        values ('deliver-message', 'page-test-message', 3, 'page-test: SMTP 554 refused', :at, false),
                               ('recurring-job', :job, 3, 'page-test: database unreachable', :at, false)
                        """).param("at", Timestamp.from(now)).param("job", JOB).update();

        MvcTestResult page =
                mvc.get().uri("/admin/jobs/dashboard").cookie(admin).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page))
                .contains("Job dashboard", "page-test-running", "node-a", "page-test-retrying")
                .contains("page-test: SMTP 554 refused", "Send a message", "Cannot be retried from here")
                .contains("page-test: database unreachable", "/admin/jobs/" + JOB + "/run");
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/jobs/dashboard?lang=ar")
                        .cookie(admin)
                        .exchange()))
                .contains("لوحة المهام", "تعمل الآن", "بانتظار إعادة المحاولة", "أخفقت نهائيًا");

        // A recurring job that failed runs again now, from the dashboard.
        assertThat(mvc.post()
                        .uri("/admin/jobs/{name}/run", JOB)
                        .cookie(admin)
                        .with(csrf())
                        .param("back", "dashboard"))
                .hasRedirectedUrl("/admin/jobs/dashboard");
        assertThat(jobs.get(JOB).nextRun()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void onlyAdminsOpenTheJobPages() {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin/jobs").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(mvc.get().uri("/admin/jobs/dashboard").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/admin/jobs/{name}/pause", JOB)
                            .cookie(session)
                            .with(csrf())
                            .accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
        }
        assertThat(jobs.get(JOB).paused()).isFalse();
    }

    private void insertExecution(String instance, Instant at, boolean picked, int failures) {
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                                                     last_heartbeat, consecutive_failures, last_failure, version)
                        values ('page-test', :instance, :at, :picked, :by, :heartbeat, :failures, :failed, 1)
                        """)
                .param("instance", instance)
                .param("at", Timestamp.from(at))
                .param("picked", picked)
                .param("by", picked ? "node-a" : null)
                .param("heartbeat", picked ? Timestamp.from(Instant.now()) : null)
                .param("failures", failures)
                .param("failed", failures > 0 ? Timestamp.from(Instant.now()) : null)
                .update();
    }
}
