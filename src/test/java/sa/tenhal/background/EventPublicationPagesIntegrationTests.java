package sa.tenhal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.identity.Role;

/** The failed event publications page, on real failing listeners: what failed and why, and resubmitting by hand. */
class EventPublicationPagesIntegrationTests extends BackgroundWorkIntegrationTest {

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

    Cookie admin;

    /** The resubmission job would also run on its own every minute; here only the admin resubmits. */
    @BeforeEach
    void pauseTheResubmissionJob() {
        admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
        mvc.post()
                .uri("/admin/jobs/resubmit-failed-events/pause")
                .cookie(admin)
                .with(csrf())
                .exchange();
    }

    @AfterEach
    void resumeIt() {
        mvc.post()
                .uri("/admin/jobs/resubmit-failed-events/resume")
                .cookie(admin)
                .with(csrf())
                .exchange();
    }

    @Test
    void aFailingListenerIsListedWithItsErrorAndResubmittedByHand() {
        String key = "page-" + UUID.randomUUID();
        script.failNext(key, 100);
        publish(key);
        awaitFailed(key);

        String english =
                Bodies.text(mvc.get().uri("/admin/events").cookie(admin).exchange());
        assertThat(english)
                .contains("Failed event publications", "SomethingHappened", "FlakyListener.on")
                .contains("scripted failure of " + key, "Resubmit all failed");
        assertThat(Bodies.text(
                        mvc.get().uri("/admin/events?lang=ar").cookie(admin).exchange()))
                .contains("dir=\"rtl\"", "الأحداث التي أخفقت معالجتها", "أخفقت", "إعادة الإرسال");

        script.failNext(key, 0);
        UUID publication = publicationOf(key);
        assertThat(mvc.post()
                        .uri("/admin/events/{id}/resubmit", publication)
                        .cookie(admin)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/events");
        await().untilAsserted(() -> assertThat(script.successes(key)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(publicationOf(key)).isNull());
        assertThat(Bodies.text(mvc.get().uri("/admin/events").cookie(admin).exchange()))
                .contains("Resubmitted: the reaction runs again now.")
                .doesNotContain(key);

        // Too late: it completed meanwhile.
        mvc.post()
                .uri("/admin/events/{id}/resubmit", publication)
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(Bodies.text(mvc.get().uri("/admin/events").cookie(admin).exchange()))
                .contains("nothing to resubmit");
    }

    @Test
    void resubmittingAllRunsEveryFailedListenerAgain() {
        String first = "all-" + UUID.randomUUID();
        String second = "all-" + UUID.randomUUID();
        script.failNext(first, 100);
        script.failNext(second, 100);
        publish(first);
        publish(second);
        awaitFailed(first);
        awaitFailed(second);

        script.failNext(first, 0);
        script.failNext(second, 0);
        assertThat(mvc.post().uri("/admin/events/resubmit-all").cookie(admin).with(csrf()))
                .hasRedirectedUrl("/admin/events");
        await().untilAsserted(() -> assertThat(script.successes(first)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(script.successes(second)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(publicationOf(first)).isNull());
        await().untilAsserted(() -> assertThat(publicationOf(second)).isNull());
    }

    @Test
    void onlyAdminsOpenThePage() {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin/events").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/admin/events/resubmit-all")
                            .cookie(session)
                            .with(csrf())
                            .accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
        }
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

    /** The listener failed, its error is recorded, and the registry marked the publication FAILED. */
    void awaitFailed(String key) {
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                                select p.status from event_publication p
                                  join event_publication_failure f on f.publication_id = p.id
                                 where p.serialized_event like :key
                                """)
                        .param("key", "%\"" + key + "\"%")
                        .query(String.class)
                        .optional())
                .contains("FAILED"));
    }
}
