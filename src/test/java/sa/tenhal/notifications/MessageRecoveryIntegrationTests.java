package sa.tenhal.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.StaffFixtures;
import sa.tenhal.Unique;
import sa.tenhal.background.BackgroundWorkIntegrationTest;
import sa.tenhal.background.Stubs;
import sa.tenhal.identity.Role;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.shared.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * No message lost on a crash. A "dead node" is played by the test: it claims a message (QUEUED → SENDING, committed),
 * perhaps hands it to the provider, and never records the outcome — holding the delivery job as db-scheduler's picked
 * execution, or leaving no job at all. Recovery must then send the message exactly once, or record it SENT without
 * sending when the provider has it, and never touch a message that a live node is still sending.
 */
class MessageRecoveryIntegrationTests extends BackgroundWorkIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Messages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    MessageRecovery recovery;

    @Autowired
    Jobs jobs;

    @Autowired
    SecretLinks links;

    @Autowired
    Transports.Email email;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @BeforeEach
    void twilio() {
        Stubs.TWILIO.resetAll();
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM" + hex())));
        twilioHas(List.of());
        // real time plus what a test adds: db-scheduler revives dead executions to the real "now"
        clock.reset();
    }

    // --- the outside world ---

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
    }

    /** Twilio's Messages list holds these (newest first). */
    static void twilioHas(List<Map<String, Object>> held) {
        Stubs.TWILIO.stubFor(get(urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.writeValueAsString(Map.of("messages", held, "page", 0)))));
    }

    static Map<String, Object> held(String sid, String to, String body, String direction) {
        return Map.of(
                "sid", sid,
                "to", to,
                "from", "+15550001111",
                "body", body,
                "direction", direction,
                "status", "delivered");
    }

    /** The dead node's hand-over, as Twilio saw it (a client of the test's own, patient with a busy machine). */
    static void twilioReceived(String to, String body, String sid, UUID messageId) throws Exception {
        Stubs.TWILIO.stubFor(
                post(urlEqualTo(MESSAGES)).withFormParam("To", equalTo(to)).willReturn(created(sid)));
        String form = "To=" + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&From=%2B15550001111&Body="
                + URLEncoder.encode(body, StandardCharsets.UTF_8) + "&StatusCallback="
                + URLEncoder.encode(
                        "http://tenhal.test/webhooks/twilio/status?message=" + messageId, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Stubs.TWILIO.baseUrl() + MESSAGES))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }

    static int posts(String to) {
        return Stubs.TWILIO
                .countRequestsMatching(postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo(to))
                        .build())
                .getCount();
    }

    static int lookups(String to) {
        return Stubs.TWILIO
                .countRequestsMatching(getRequestedFor(urlPathEqualTo(MESSAGES))
                        .withQueryParam("To", equalTo(to))
                        .withQueryParam("From", equalTo("+15550001111"))
                        .build())
                .getCount();
    }

    static List<MimeMessage> mails(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : Stubs.SMTP.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().contains(address)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    // --- the dead node ---

    static String mobile() {
        return "+96654" + Unique.digits(7);
    }

    static Recipient patient(String mobile, String email) {
        return new Recipient(
                Recipient.Type.PATIENT,
                UUID.randomUUID(),
                "Sara",
                Language.EN,
                email,
                mobile,
                EnumSet.of(Channel.SMS, Channel.EMAIL),
                LocalTime.of(22, 0),
                LocalTime.of(8, 0));
    }

    LoggedMessage message(UUID id) {
        return log.find(id).orElseThrow();
    }

    /**
     * A message that a node claimed at the clock's time and never finished: its delivery job held by that node
     * (picked, heartbeat then) when {@code holdsJob}, else gone.
     */
    UUID claimedByADeadNode(Recipient to, Channel channel, String detail, boolean holdsJob) {
        Instant at = clock.instant();
        return transactions.execute(status -> {
            UUID id = messages.send(new Outgoing(
                            "test-message",
                            "dead-node:" + UUID.randomUUID(),
                            to,
                            List.of(channel),
                            Map.of("name", to.name(), "detail", detail),
                            true))
                    .get(0);
            if (holdsJob) {
                jdbc.sql("""
                                update scheduled_tasks set picked = true, picked_by = 'dead-node', last_heartbeat = :at,
                                       version = version + 1
                                 where task_name = 'deliver-message' and task_instance = :id
                                """)
                        .param("at", Timestamp.from(at))
                        .param("id", id.toString())
                        .update();
            } else {
                jobs.cancel(Messages.DELIVER, id.toString());
            }
            assertThat(log.claim(id, at)).isTrue();
            return id;
        });
    }

    /**
     * The message's delivery job as db-scheduler's table has it: {@code none}, {@code waiting}, or {@code picked by
     * <node>}. (Asked per message: the table is shared with the other tests of this context.)
     */
    String job(UUID id) {
        return jdbc.sql("""
                        select case when picked then 'picked by ' || picked_by else 'waiting' end from scheduled_tasks
                         where task_name = 'deliver-message' and task_instance = :id
                        """)
                .param("id", id.toString())
                .query(String.class)
                .optional()
                .orElse("none");
    }

    /** What db-scheduler does on every node, every other heartbeat: revive executions whose node stopped beating. */
    void reviveDeadExecutions() throws Exception {
        Method detect = Scheduler.class.getDeclaredMethod("detectDeadExecutions");
        detect.setAccessible(true);
        detect.invoke(scheduler);
        runDueJobs();
    }

    // --- the tests ---

    @Test
    void aMessageLeftSendingByADeadNodeIsSentOnceAfterRecovery() throws Exception {
        String to = mobile();
        UUID id = claimedByADeadNode(patient(to, null), Channel.SMS, "Sunday 10:00", true);

        // the node's job is still there (held by the dead node): the safety net leaves it to db-scheduler
        clock.advance(Duration.ofMinutes(10));
        recovery.run();
        assertThat(job(id)).isEqualTo("picked by dead-node");
        assertThat(posts(to)).isZero();

        // db-scheduler finds the dead node's execution and runs it again: Twilio is asked first, then it is sent
        reviveDeadExecutions();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(posts(to)).isEqualTo(1);
        assertThat(lookups(to)).isEqualTo(1);
        assertThat(message(id).attempts()).isEqualTo(2);
        assertThat(message(id).providerMessageId()).startsWith("SM");
        // Twilio's status callbacks will name the message
        Stubs.TWILIO.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .withFormParam("StatusCallback", equalTo("http://tenhal.test/webhooks/twilio/status?message=" + id)));

        // nothing more, however often recovery looks
        clock.advance(Duration.ofMinutes(10));
        recovery.run();
        assertThat(job(id)).isEqualTo("none");
        reviveDeadExecutions();
        assertThat(posts(to)).isEqualTo(1);
    }

    @Test
    void whenTwilioAlreadyHasTheMessageItIsRecordedSentWithItsSidAndNotSentAgain() throws Exception {
        String to = mobile();
        // a secret link in the text: minted anew on every attempt, so the lookup must match any link there
        var user = staff.as(Role.RECEPTIONIST);
        String detail = "set your password at "
                + new SecretLink("password-setup", user.id().value()).placeholder();
        UUID id = claimedByADeadNode(patient(to, null), Channel.SMS, detail, true);

        // the dead node had handed it to Twilio before it stopped
        String sent = links.resolve(message(id).body());
        String sid = "SM" + hex();
        twilioReceived(to, sent, sid, id);
        assertThat(posts(to)).isEqualTo(1);
        twilioHas(List.of(
                held("SM" + hex(), to, "some other text", "outbound-api"),
                held("SM" + hex(), to, sent, "inbound"),
                held(sid, to, sent, "outbound-api")));

        clock.advance(Duration.ofMinutes(10));
        reviveDeadExecutions();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(message(id).providerMessageId()).isEqualTo(sid);
        assertThat(message(id).provider()).isEqualTo("twilio");
        assertThat(message(id).sentAt()).isNotNull();
        assertThat(posts(to)).isEqualTo(1);
        assertThat(lookups(to)).isEqualTo(1);
    }

    @Test
    void aStatusCallbackNamingTheMessageRecordsItSentSoRecoverySendsNothing() throws Exception {
        String to = mobile();
        UUID id = claimedByADeadNode(patient(to, null), Channel.SMS, "Monday 09:00", true);
        String sid = "SM" + hex();
        twilioReceived(to, links.resolve(message(id).body()), sid, id);

        // Twilio reports on it, naming Tenhal's message in the URL (signed with the query string)
        Map<String, String> params = Map.of("MessageSid", sid, "MessageStatus", "sent", "AccountSid", "ACtest");
        String path = "status?message=" + id;
        // signed without the query string, as if someone moved the callback to another message
        assertThat(callback(path, params, sign("status", params))).hasStatus(403);
        assertThat(message(id).status()).isEqualTo(MessageStatus.SENDING);

        assertThat(callback(path, params, sign(path, params))).hasStatus(204);
        assertThat(message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(message(id).providerMessageId()).isEqualTo(sid);

        clock.advance(Duration.ofMinutes(10));
        reviveDeadExecutions();
        await().untilAsserted(() -> assertThat(job(id)).isEqualTo("none"));
        recovery.run();
        assertThat(job(id)).isEqualTo("none");
        assertThat(posts(to)).isEqualTo(1);
        assertThat(lookups(to)).isZero();
    }

    org.springframework.test.web.servlet.assertj.MvcTestResult callback(
            String pathAndQuery, Map<String, String> params, String signature) {
        var request = mvc.post()
                .uri("/webhooks/twilio/" + pathAndQuery)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", signature);
        for (var p : params.entrySet()) {
            request = request.param(p.getKey(), p.getValue());
        }
        return request.exchange();
    }

    static String sign(String pathAndQuery, Map<String, String> params) {
        return TwilioSignature.sign("twilio-auth-token", "http://tenhal.test/webhooks/twilio/" + pathAndQuery, params);
    }

    @Test
    void anInterruptedEmailGoesAgainAsItselfWithTheSameMessageId() throws Exception {
        String address = Unique.name("again") + "@clinic.example";
        UUID id = claimedByADeadNode(patient(null, address), Channel.EMAIL, "your invoice", false);

        // the dead node handed it to the SMTP server; SMTP cannot be asked whether it did
        LoggedMessage claimed = message(id);
        email.send(id, address, claimed.subject(), claimed.body(), "text", List.of());
        assertThat(mails(address)).hasSize(1);

        // its job is gone: after sendingStuckAfter the safety net schedules it again
        clock.advance(Duration.ofSeconds(30));
        recovery.run();
        assertThat(job(id)).isEqualTo("none");
        clock.advance(Duration.ofMinutes(3));
        recovery.run();
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));

        List<MimeMessage> copies = await().until(() -> mails(address), m -> m.size() == 2);
        String expected = "<tenhal." + id + "@tenhal.local>";
        assertThat(copies).extracting(MimeMessage::getMessageID).containsExactly(expected, expected);
        assertThat(message(id).providerMessageId()).isEqualTo(expected);
        clock.advance(Duration.ofMinutes(10));
        recovery.run();
        assertThat(job(id)).isEqualTo("none");
        assertThat(mails(address)).hasSize(2);
    }

    @Test
    void aMessageThatALiveNodeIsStillSendingIsLeftToItAndTakenOverByOneNodeOnly() throws Exception {
        String to = mobile();
        UUID id = claimedByADeadNode(patient(to, null), Channel.SMS, "Tuesday 11:00", false);

        // within sendingStuckAfter the sending node may be alive and slow: neither its job run again nor the safety
        // net touches the message
        clock.advance(Duration.ofSeconds(90));
        jobs.schedule(Messages.DELIVER, id.toString(), clock.instant(), null);
        runDueJobs();
        await().untilAsserted(() -> assertThat(job(id)).isEqualTo("none"));
        recovery.run();
        assertThat(job(id)).isEqualTo("none");
        assertThat(message(id).status()).isEqualTo(MessageStatus.SENDING);
        assertThat(message(id).attempts()).isEqualTo(1);
        assertThat(posts(to)).isZero();

        // once it is stuck, two nodes that both try to take it over: one wins
        clock.advance(Duration.ofMinutes(1));
        Instant now = clock.instant();
        Optional<LoggedMessage> first = log.takeOver(id, now.minus(Duration.ofMinutes(2)), now);
        Optional<LoggedMessage> second = log.takeOver(id, now.minus(Duration.ofMinutes(2)), now);
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(message(id).attempts()).isEqualTo(2);
    }

    @Test
    void aMessageThatNeverFinishesIsGivenUpVisiblyNotTriedForEver() {
        String to = mobile();
        UUID id = claimedByADeadNode(patient(to, null), Channel.SMS, "Wednesday 12:00", false);
        jdbc.sql("update notification_message set attempts = :n where id = :id")
                .param("n", MessageDelivery.GIVE_UP_AFTER_ATTEMPTS)
                .param("id", id)
                .update();
        clock.advance(Duration.ofMinutes(3));
        recovery.run();
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED));
        assertThat(message(id).lastError()).contains("given up");
        assertThat(posts(to)).isZero();
    }
}
