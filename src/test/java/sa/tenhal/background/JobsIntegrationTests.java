package sa.tenhal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.identity.Role;
import sa.tenhal.platform.jobs.Jobs;

class JobsIntegrationTests extends BackgroundWorkIntegrationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    BackgroundTestBeans.Script script;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    MvcTestResult put(Caller caller, String uri, String json) {
        return mvc.put()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @Test
    void aScheduleChangedAtRuntimeFiresAtItsNewTime() {
        Caller admin = staff.as(Role.ADMIN);
        Instant tuesday0800Riyadh = Instant.parse("2031-03-04T05:00:00Z");
        clock.set(tuesday0800Riyadh);
        try {
            MvcTestResult changed =
                    put(admin, "/api/v1/admin/jobs/test-heartbeat/schedule", "{\"cron\":\"0 15 8 * * *\"}");
            assertThat(changed).hasStatusOk();
            assertThat(Bodies.<String>read(changed, "$.nextRun")).isEqualTo("2031-03-04T05:15:00Z");
            assertThat(Bodies.<Boolean>read(changed, "$.customized")).isTrue();
            int before = script.runs("heartbeat");

            clock.set(Instant.parse("2031-03-04T05:15:01Z"));
            runDueJobs();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(script.runs("heartbeat")).isEqualTo(before + 1));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Bodies.<String>read(
                            mvc.get()
                                    .uri("/api/v1/admin/jobs/test-heartbeat")
                                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                                    .exchange(),
                            "$.nextRun"))
                    .isEqualTo("2031-03-05T05:15:00Z"));
        } finally {
            clock.reset();
            mvc.delete()
                    .uri("/api/v1/admin/jobs/test-heartbeat/schedule")
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .exchange();
        }
    }

    @Test
    void aPausedJobHasNoNextRunUntilResumed() {
        Caller admin = staff.as(Role.ADMIN);
        MvcTestResult paused = mvc.post()
                .uri("/api/v1/admin/jobs/test-heartbeat/pause")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(paused).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.paused").isEqualTo(true);
            assertThat(json).doesNotHavePath("$.nextRun");
        });
        MvcTestResult resumed = mvc.post()
                .uri("/api/v1/admin/jobs/test-heartbeat/resume")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(resumed).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.paused").isEqualTo(false);
            assertThat(json).extractingPath("$.nextRun").isNotNull();
        });
    }

    @Test
    void jobsAreForAdminsAndSchedulesMustBeCron() {
        Caller admin = staff.as(Role.ADMIN);
        assertThat(mvc.get()
                        .uri("/api/v1/admin/jobs")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.MANAGER).bearer()))
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/admin/jobs").header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].name")
                .asArray()
                .contains("test-heartbeat", "resubmit-failed-events");
        assertThat(put(admin, "/api/v1/admin/jobs/test-heartbeat/schedule", "{\"cron\":\"every day at nine\"}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("cron");
        assertThat(put(admin, "/api/v1/admin/jobs/no-such-job/schedule", "{\"cron\":\"0 0 9 * * *\"}"))
                .hasStatus(404);
    }

    @Test
    void aFailingJobIsRetriedAfter60SecondsThenLongerAndSucceeds() {
        Instant t0 = Instant.parse("2031-05-01T06:00:00Z");
        clock.set(t0);
        script.failNext("chore-retry", 2);
        jobs.schedule(BackgroundTestBeans.CHORE, "retry", t0, new BackgroundTestBeans.Chore("chore-retry"));
        runDueJobs();
        await().untilAsserted(() -> assertThat(script.runs("chore-retry")).isEqualTo(1));
        await().untilAsserted(() ->
                assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "retry")).contains(t0.plusSeconds(60)));

        advance(Duration.ofSeconds(61));
        await().untilAsserted(() -> assertThat(script.runs("chore-retry")).isEqualTo(2));
        await().untilAsserted(() -> assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "retry"))
                .contains(t0.plusSeconds(61).plusSeconds(120)));

        advance(Duration.ofSeconds(121));
        await().untilAsserted(() -> assertThat(script.successes("chore-retry")).isEqualTo(1));
        await().untilAsserted(() ->
                assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "retry")).isEmpty());
        assertThat(script.runs("chore-retry")).isEqualTo(3);
    }

    /**
     * A job that cannot run yet (JobDeferred: a provider's places all taken) runs again when it said, as often as it
     * must: not a failure — no failure recorded, no retry delay, no attempt counted against the three.
     */
    @Test
    void aDeferredJobRunsAgainWhenItSaidWithoutAFailureCounted() {
        Instant t0 = Instant.parse("2031-05-02T06:00:00Z");
        clock.set(t0);
        script.deferNext("chore-deferred", 4, Duration.ofSeconds(7));
        jobs.schedule(BackgroundTestBeans.CHORE, "deferred", t0, new BackgroundTestBeans.Chore("chore-deferred"));
        runDueJobs();
        await().untilAsserted(() -> assertThat(script.runs("chore-deferred")).isEqualTo(1));
        await().untilAsserted(() -> assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "deferred"))
                .contains(t0.plusSeconds(7)));
        // deferred four times in all: more than the three attempts a failing job gets
        for (int run = 2; run <= 4; run++) {
            advance(Duration.ofSeconds(7));
            int expected = run;
            await().untilAsserted(
                            () -> assertThat(script.runs("chore-deferred")).isEqualTo(expected));
            await().untilAsserted(() -> assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "deferred"))
                    .contains(t0.plusSeconds(7L * expected)));
        }
        advance(Duration.ofSeconds(7));
        await().untilAsserted(
                        () -> assertThat(script.successes("chore-deferred")).isEqualTo(1));
        await().untilAsserted(() -> assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "deferred"))
                .isEmpty());
        assertThat(script.runs("chore-deferred")).isEqualTo(5);
        assertThat(failures("deferred")).isZero();
    }

    @Test
    void afterTheLastAttemptTheFailureIsKeptAndAdminsAreTold() {
        Caller admin = staff.as(Role.ADMIN);
        Instant t0 = Instant.parse("2031-06-01T06:00:00Z");
        clock.set(t0);
        script.failNext("chore-doomed", 10);
        jobs.schedule(BackgroundTestBeans.CHORE, "doomed", t0, new BackgroundTestBeans.Chore("chore-doomed"));
        runDueJobs();
        await().untilAsserted(() -> assertThat(script.runs("chore-doomed")).isEqualTo(1));
        advance(Duration.ofSeconds(61));
        await().untilAsserted(() -> assertThat(script.runs("chore-doomed")).isEqualTo(2));
        advance(Duration.ofSeconds(121));
        await().untilAsserted(() -> assertThat(script.runs("chore-doomed")).isEqualTo(3));
        await().untilAsserted(() -> assertThat(failures("doomed")).isEqualTo(1));
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "doomed")).isEmpty();
        assertThat(jdbc.sql("select attempts from job_failure where task_instance = 'doomed'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        await().untilAsserted(() -> assertThat(
                        mvc.get().uri("/api/v1/me/notifications").header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .extractingPath("$.content[*].kind")
                .asArray()
                .contains("job-failed"));
        assertThat(mvc.get().uri("/api/v1/admin/job-failures").header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .extractingPath("$.content[*].instance")
                .asArray()
                .contains("doomed");
    }

    @Test
    void aPermanentErrorIsNotRetried() {
        script.permanent.add("chore-gone");
        jobs.schedule(BackgroundTestBeans.CHORE, "gone", clock.instant(), new BackgroundTestBeans.Chore("chore-gone"));
        runDueJobs();
        await().untilAsserted(() -> assertThat(failures("gone")).isEqualTo(1));
        assertThat(script.runs("chore-gone")).isEqualTo(1);
        assertThat(jdbc.sql("select permanent from job_failure where task_instance = 'gone'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "gone")).isEmpty();
    }

    @Test
    void oneTimeJobsAreMovedAndCancelled() {
        Instant later = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(jobs.schedule(
                        BackgroundTestBeans.CHORE, "movable", later, new BackgroundTestBeans.Chore("chore-movable")))
                .isTrue();
        assertThat(jobs.schedule(
                        BackgroundTestBeans.CHORE, "movable", later.plusSeconds(5), new BackgroundTestBeans.Chore("x")))
                .isFalse();
        jobs.reschedule(
                BackgroundTestBeans.CHORE,
                "movable",
                later.plus(Duration.ofHours(1)),
                new BackgroundTestBeans.Chore("chore-movable"));
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "movable")).contains(later.plus(Duration.ofHours(1)));
        jobs.cancel(BackgroundTestBeans.CHORE, "movable");
        jobs.cancel(BackgroundTestBeans.CHORE, "movable");
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "movable")).isEmpty();
    }

    @Test
    void aJobEndsInsideItsHandlersTransactionOrAsUsualIfThatRollsBack() {
        // outside a run of the job, nothing is ended
        assertThat(jobs.completeWithTransaction(BackgroundTestBeans.ENTRY, "nowhere"))
                .isFalse();

        jobs.schedule(
                BackgroundTestBeans.ENTRY,
                "ended",
                clock.instant(),
                new BackgroundTestBeans.Entry("entry-ended", false));
        jobs.schedule(
                BackgroundTestBeans.ENTRY,
                "undone",
                clock.instant(),
                new BackgroundTestBeans.Entry("entry-undone", true));
        runDueJobs();
        await().untilAsserted(() -> {
            assertThat(script.successes("entry-ended")).isEqualTo(1);
            assertThat(script.successes("entry-undone")).isEqualTo(1);
            assertThat(jobs.scheduledAt(BackgroundTestBeans.ENTRY, "ended")).isEmpty();
            assertThat(jobs.scheduledAt(BackgroundTestBeans.ENTRY, "undone")).isEmpty();
        });
        assertThat(BackgroundTestBeans.ENDED_IN_TRANSACTION)
                .containsEntry("entry-ended", true)
                .containsEntry("entry-undone", true);
        // each ran once, and neither is recorded as failed: the ended one was not completed a second time, the undone
        // one was completed by the scheduler as usual
        assertThat(script.runs("entry-ended")).isEqualTo(1);
        assertThat(script.runs("entry-undone")).isEqualTo(1);
        assertThat(failures("ended")).isZero();
        assertThat(failures("undone")).isZero();
    }

    @Test
    void aNewInstanceIsScheduledWithOneInsertAndASecondOfTheSameIdIsRefused() {
        Instant later = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        jobs.scheduleNew(BackgroundTestBeans.CHORE, "fresh", later, new BackgroundTestBeans.Chore("chore-fresh"));
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "fresh")).contains(later);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.scheduleNew(
                        BackgroundTestBeans.CHORE, "fresh", later.plusSeconds(5), new BackgroundTestBeans.Chore("x")))
                .isInstanceOf(RuntimeException.class);
        assertThat(jobs.scheduledAt(BackgroundTestBeans.CHORE, "fresh")).contains(later);
        jobs.cancel(BackgroundTestBeans.CHORE, "fresh");
    }

    long failures(String instance) {
        return jdbc.sql("select count(*) from job_failure where task_instance = :i")
                .param("i", instance)
                .query(Long.class)
                .single();
    }
}
