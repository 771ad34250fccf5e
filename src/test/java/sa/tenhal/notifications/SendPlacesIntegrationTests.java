package sa.tenhal.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.background.BackgroundTestBeans;
import sa.tenhal.background.BackgroundWorkIntegrationTest;
import sa.tenhal.background.Stubs;
import sa.tenhal.platform.jobs.Jobs;

/**
 * A provider that answers slowly holds the node's places for a send, not its job threads: the deliveries beyond the
 * places are deferred before they claim their message, the node's other jobs run meanwhile, and every message still goes
 * once, on its first attempt.
 */
class SendPlacesIntegrationTests extends BackgroundWorkIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";

    /** How long the slow provider takes to answer each message. */
    static final int ANSWER_MILLIS = 3_000;

    @Autowired
    SendPlaces places;

    @Autowired
    Messages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    Jobs jobs;

    @Autowired
    BackgroundTestBeans.Script script;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void placesAsConfigured() {
        places.resize(8);
        Stubs.TWILIO.resetAll();
    }

    @Test
    void aSlowProviderHoldsOnlyItsPlacesAndEveryMessageGoesOnce() {
        // real time: a deferred delivery comes back on its own, five to ten seconds on
        clock.reset();
        places.resize(2);
        Stubs.TWILIO.resetAll();
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(NotificationsIntegrationTests.created().withFixedDelay(ANSWER_MILLIS)));
        Stubs.TWILIO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[],\"next_page_uri\":null}")));
        List<String> mobiles = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String mobile = NotificationsIntegrationTests.mobile();
            mobiles.add(mobile);
            ids.addAll(transactions.execute(status -> messages.send(new Outgoing(
                    "test-message",
                    "places:" + mobile,
                    NotificationsIntegrationTests.patient(mobile, LocalTime.of(22, 0), LocalTime.of(8, 0)),
                    List.of(Channel.SMS),
                    Map.of("name", "Sara", "detail", "appointment on Sunday"),
                    true))));
        }
        // another job, due as the messages are
        jobs.schedule(
                BackgroundTestBeans.CHORE,
                "beside-sends",
                clock.instant(),
                new BackgroundTestBeans.Chore("chore-beside-sends"));
        AtomicInteger most = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                most.accumulateAndGet(places.inFlight(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        try {
            runDueJobs();

            // the other job runs while the provider still holds the first sends
            await().untilAsserted(() ->
                    assertThat(script.successes("chore-beside-sends")).isEqualTo(1));
            assertThat(sent(ids)).isLessThan(ids.size());

            await().untilAsserted(() -> assertThat(sent(ids)).isEqualTo(ids.size()));
        } finally {
            watcher.interrupt();
        }
        assertThat(most.get()).isBetween(1, 2);
        // each message handed over once, on its first attempt: a deferral claims nothing and counts no attempt
        for (String mobile : mobiles) {
            assertThat(Stubs.TWILIO
                            .countRequestsMatching(postRequestedFor(urlEqualTo(MESSAGES))
                                    .withFormParam("To", equalTo(mobile))
                                    .build())
                            .getCount())
                    .isEqualTo(1);
        }
        for (UUID id : ids) {
            assertThat(log.find(id).orElseThrow().attempts()).isEqualTo(1);
        }
        // and Twilio never had more than two at once: a third arrived only after one of two had been answered
        List<Instant> arrivals = Stubs.TWILIO.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(LoggedRequest::getLoggedDate)
                .map(java.util.Date::toInstant)
                .sorted()
                .toList();
        assertThat(arrivals).hasSize(ids.size());
        for (int i = 2; i < arrivals.size(); i++) {
            assertThat(java.time.Duration.between(arrivals.get(i - 2), arrivals.get(i)))
                    .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(ANSWER_MILLIS - 50));
        }
        assertThat(jdbc.sql("select count(*) from job_failure where task_name = 'deliver-message'"
                                + " and task_instance in (:ids)")
                        .param("ids", ids.stream().map(UUID::toString).toList())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    long sent(List<UUID> ids) {
        return ids.stream()
                .filter(id -> log.find(id).orElseThrow().status() == MessageStatus.SENT)
                .count();
    }
}
