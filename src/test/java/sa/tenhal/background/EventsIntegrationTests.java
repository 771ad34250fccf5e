package sa.tenhal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.identity.Role;

/**
 * Durable events: a listener that throws leaves its publication incomplete with its error recorded; the resubmission
 * job (run here directly, with time moved past each delay) tries again until it succeeds — exactly once.
 */
class EventsIntegrationTests extends BackgroundWorkIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    BackgroundTestBeans.Script script;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    sa.tenhal.platform.events.EventResubmissionProbe resubmission;

    Caller jobsAdmin;

    /** The job would also run on its own every minute; here the test decides when it runs. */
    @org.junit.jupiter.api.BeforeEach
    void pauseTheJob() {
        jobsAdmin = staff.as(Role.ADMIN);
        mvc.post()
                .uri("/api/v1/admin/jobs/resubmit-failed-events/pause")
                .header(HttpHeaders.AUTHORIZATION, jobsAdmin.bearer())
                .exchange();
    }

    @org.junit.jupiter.api.AfterEach
    void resumeTheJob() {
        mvc.post()
                .uri("/api/v1/admin/jobs/resubmit-failed-events/resume")
                .header(HttpHeaders.AUTHORIZATION, jobsAdmin.bearer())
                .exchange();
    }

    void publish(String key) {
        transactions.executeWithoutResult(
                status -> events.publishEvent(new BackgroundTestBeans.SomethingHappened(key)));
    }

    UUID publicationOf(String key) {
        return jdbc.sql("select id from event_publication where serialized_event like :key and completion_date is null")
                .param("key", "%\"" + key + "\"%")
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aListenerThatFailsTwiceThenSucceedsCompletesExactlyOnce() {
        Caller admin = staff.as(Role.ADMIN);
        String key = "event-" + UUID.randomUUID();
        script.failNext(key, 2);

        publish(key);
        await().untilAsserted(() -> assertThat(script.runs(key)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(failures(key)).isEqualTo(1));
        awaitFailedStatus(key);
        UUID publication = publicationOf(key);
        assertThat(publication).isNotNull();
        assertThat(mvc.get()
                        .uri("/api/v1/admin/event-publications?failingOnly=true")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .satisfies(json -> assertThat(json)
                        .extractingPath("$.content[?(@.id == '" + publication + "')].lastError")
                        .asArray()
                        .singleElement()
                        .asString()
                        .contains("scripted failure of " + key));

        // Not yet due: the first retry waits a minute.
        resubmission.run();
        assertThat(script.runs(key)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        resubmission.run();
        await().untilAsserted(() -> assertThat(script.runs(key)).isEqualTo(2));
        await().untilAsserted(() -> assertThat(failures(key)).isEqualTo(2));
        awaitFailedStatus(key);

        clock.advance(Duration.ofMinutes(3));
        resubmission.run();
        await().untilAsserted(() -> assertThat(script.successes(key)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(publicationOf(key)).isNull());

        // Nothing left to resubmit: running the job again changes nothing.
        clock.advance(Duration.ofHours(2));
        resubmission.run();
        assertThat(script.runs(key)).isEqualTo(3);
        assertThat(script.successes(key)).isEqualTo(1);
    }

    /**
     * The publication is marked in progress and completed in the listener's own transaction (one commit, where Spring
     * Modulith 2.1 makes three): while the listener runs, everyone else still sees it published, not in progress.
     */
    @Test
    void aPublicationIsMarkedAndCompletedInItsListenersTransaction() {
        String key = "held-" + UUID.randomUUID();
        java.util.concurrent.CountDownLatch release = script.hold(key);
        publish(key);
        await().untilAsserted(() -> assertThat(script.runs(key)).isEqualTo(1));
        assertThat(status(key)).isEqualTo("PUBLISHED");
        release.countDown();
        await().untilAsserted(() -> assertThat(publicationOf(key)).isNull());
        assertThat(script.successes(key)).isEqualTo(1);
    }

    String status(String key) {
        return jdbc.sql("select status from event_publication where serialized_event like :key")
                .param("key", "%\"" + key + "\"%")
                .query(String.class)
                .single();
    }

    @Test
    void aListenerThatKeepsFailingIsGivenUpAndAdminsAreTold() {
        Caller admin = staff.as(Role.ADMIN);
        String key = "doomed-" + UUID.randomUUID();
        script.failNext(key, 100);
        publish(key);
        await().untilAsserted(() -> assertThat(script.runs(key)).isEqualTo(1));
        awaitFailedStatus(key);
        for (int attempt = 1; attempt <= 9; attempt++) {
            clock.advance(Duration.ofHours(2));
            resubmission.run();
            int expected = attempt + 1;
            await().untilAsserted(() -> assertThat(script.runs(key)).isEqualTo(expected));
            await().untilAsserted(() -> assertThat(failures(key)).isEqualTo(expected));
            awaitFailedStatus(key);
        }
        clock.advance(Duration.ofHours(2));
        resubmission.run();
        assertThat(script.runs(key)).isEqualTo(10);
        UUID publication = publicationOf(key);
        assertThat(jdbc.sql("select gave_up_at is not null from event_publication_failure where publication_id = :id")
                        .param("id", publication)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        await().untilAsserted(() -> assertThat(
                        mvc.get().uri("/api/v1/me/notifications").header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .extractingPath("$.content[*].kind")
                .asArray()
                .contains("event-listener-gave-up"));

        // An admin fixes the cause and resubmits it by hand.
        script.failNext(key, 0);
        assertThat(mvc.post()
                        .uri("/api/v1/admin/event-publications/{id}/resubmit", publication)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatus(202);
        await().untilAsserted(() -> assertThat(script.successes(key)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(publicationOf(key)).isNull());
    }

    @Test
    void onlyAdminsSeeEventPublications() {
        assertThat(mvc.get()
                        .uri("/api/v1/admin/event-publications")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.MANAGER).bearer()))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/admin/event-publications/{id}/resubmit", UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, staff.as(Role.ADMIN).bearer()))
                .hasStatus(404);
    }

    /** The registry marks the publication FAILED just after the listener's error is recorded; wait for that too. */
    void awaitFailedStatus(String key) {
        await().untilAsserted(() -> assertThat(
                        jdbc.sql("select status from event_publication where serialized_event like :key")
                                .param("key", "%\"" + key + "\"%")
                                .query(String.class)
                                .single())
                .isEqualTo("FAILED"));
    }

    long failures(String key) {
        return jdbc.sql("""
                        select coalesce(max(f.failures), 0) from event_publication_failure f
                          join event_publication p on p.id = f.publication_id where p.serialized_event like :key
                        """).param("key", "%\"" + key + "\"%").query(Long.class).single();
    }
}
