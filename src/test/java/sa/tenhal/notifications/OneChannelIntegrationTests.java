package sa.tenhal.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.Unique;
import sa.tenhal.background.BackgroundWorkIntegrationTest;
import sa.tenhal.background.Stubs;
import sa.tenhal.shared.Language;

/**
 * One channel per message: a patient's message goes by their first reachable channel and by the next only when that
 * fails (at once, or when Twilio reports it undelivered); a WhatsApp message the clinic starts goes as its approved
 * template and falls back to SMS when Twilio refuses it; inside the 24-hour window it may be free text. Twilio is
 * WireMock, SMTP is GreenMail.
 */
class OneChannelIntegrationTests extends BackgroundWorkIntegrationTest {

    static final String MESSAGES = NotificationsIntegrationTests.MESSAGES;
    static final String TEMPLATE = "HX0123456789abcdef0123456789abcdef";

    @Autowired
    Messages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    MessageRecovery recovery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    void twilioAccepts() {
        Stubs.TWILIO.resetAll();
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(NotificationsIntegrationTests.created()));
        Stubs.TWILIO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[],\"next_page_uri\":null}")));
    }

    static Recipient patient(String mobile, String email, Set<Channel> channels, boolean everyChannel) {
        return new Recipient(
                Recipient.Type.PATIENT,
                UUID.randomUUID(),
                "Sara",
                Language.EN,
                email,
                mobile,
                channels,
                LocalTime.of(22, 0),
                LocalTime.of(8, 0),
                null,
                everyChannel);
    }

    List<UUID> send(Recipient to, String source) {
        return transactions.execute(status -> messages.send(new Outgoing(
                "test-message",
                source,
                to,
                List.of(Channel.WHATSAPP, Channel.SMS, Channel.EMAIL),
                Map.of("name", to.name(), "detail", "appointment on Sunday"),
                true)));
    }

    List<LoggedMessage> bySource(String source) {
        return jdbc.sql("select * from notification_message where source = :s order by created_at, channel")
                .param("s", source)
                .query(DeliveryLog::row)
                .list();
    }

    LoggedMessage on(String source, Channel channel) {
        return bySource(source).stream()
                .filter(m -> m.channel() == channel)
                .findFirst()
                .orElseThrow();
    }

    static void twilioRefuses(String to, int code, String message) {
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":400}")));
    }

    int twilioCalls(String to) {
        return Stubs.TWILIO
                .countRequestsMatching(postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo(to))
                        .build())
                .getCount();
    }

    static long emailsTo(String address) {
        long n = 0;
        for (MimeMessage m : Stubs.SMTP.getReceivedMessages()) {
            try {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().contains(address)) {
                        n++;
                    }
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    static String email() {
        return Unique.name("one") + "@patients.example";
    }

    @Test
    void aPatientsMessageGoesByTheFirstReachableChannelOnlyTheOthersAreHeld() {
        String to = NotificationsIntegrationTests.mobile();
        String address = email();
        String source = "one:" + to;
        Recipient sara = patient(to, address, EnumSet.of(Channel.SMS, Channel.EMAIL), false);
        List<UUID> queued = send(sara, source);

        // WhatsApp is not one of the patient's channels: SMS goes, email waits behind it
        assertThat(queued).hasSize(1);
        // queued, or already on its way: this context's scheduler may pick it as soon as it is committed
        assertThat(on(source, Channel.SMS).status())
                .isIn(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT);
        LoggedMessage held = on(source, Channel.EMAIL);
        assertThat(held.status()).isEqualTo(MessageStatus.HELD);
        assertThat(held.fallbackOf()).isEqualTo(queued.get(0));
        assertThat(bySource(source)).extracting(LoggedMessage::channel).doesNotContain(Channel.WHATSAPP);

        runDueJobs();
        await().untilAsserted(() -> assertThat(on(source, Channel.SMS).status()).isEqualTo(MessageStatus.SENT));
        assertThat(on(source, Channel.EMAIL).status()).isEqualTo(MessageStatus.HELD);
        assertThat(twilioCalls(to)).isEqualTo(1);
        assertThat(emailsTo(address)).isZero();

        // replayed, the same cause sends and holds nothing more
        assertThat(send(sara, source)).isEmpty();
        assertThat(bySource(source)).hasSize(2);
    }

    @Test
    void whenTheFirstChannelFailsTheNextTakesTheMessageOnce() {
        String to = NotificationsIntegrationTests.mobile();
        String address = email();
        String source = "fallback:" + to;
        twilioRefuses(to, 21211, "The 'To' number is not a valid phone number.");
        send(patient(to, address, EnumSet.of(Channel.SMS, Channel.EMAIL), false), source);
        runDueJobs();

        await().untilAsserted(() -> assertThat(on(source, Channel.SMS).status()).isEqualTo(MessageStatus.FAILED));
        runDueJobs();
        await().untilAsserted(
                        () -> assertThat(on(source, Channel.EMAIL).status()).isEqualTo(MessageStatus.SENT));
        assertThat(emailsTo(address)).isEqualTo(1);
        assertThat(twilioCalls(to)).isEqualTo(1);

        // a second release of the same failure (a replayed job) queues nothing more
        UUID failed = on(source, Channel.SMS).id();
        java.util.Optional<UUID> again = transactions.execute(status -> messages.fallBack(failed));
        assertThat(again).isEmpty();
    }

    @Test
    void aFallbackWhoseJobIsLostInACrashIsSentByRecoveryExactlyOnce() {
        String to = NotificationsIntegrationTests.mobile();
        String address = email();
        String source = "crash:" + to;
        // the first channel failed for good and its fallback was queued (one transaction) — then the node stopped
        // before the fallback's job ran, and its job was lost. Made at 23:00 Riyadh and not urgent, the SMS waits for
        // the morning, so no job sends it while the test plays the crash.
        clock.set(java.time.Instant.parse("2031-07-04T20:00:00Z"));
        // The email fallback is due at once: this node's scheduler is paused while the crash is played, or it could
        // send the email between its queuing and the loss of its job.
        scheduler.pause();
        Recipient sara = patient(to, address, EnumSet.of(Channel.SMS, Channel.EMAIL), false);
        UUID sms = transactions
                .execute(status -> messages.send(new Outgoing(
                        "test-message",
                        source,
                        sara,
                        List.of(Channel.SMS, Channel.EMAIL),
                        Map.of("name", "Sara", "detail", "appointment on Sunday"),
                        false)))
                .get(0);
        jdbc.sql("delete from scheduled_tasks where task_instance = :id")
                .param("id", sms.toString())
                .update();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update notification_message set status = 'FAILED' where id = :id")
                    .param("id", sms)
                    .update();
            messages.fallBack(sms);
        });
        UUID emailId = on(source, Channel.EMAIL).id();
        jdbc.sql("delete from scheduled_tasks where task_instance = :id")
                .param("id", emailId.toString())
                .update();
        assertThat(on(source, Channel.EMAIL).status()).isEqualTo(MessageStatus.QUEUED);

        // Still paused: three minutes on, this node's own recover-messages job is overdue too, and a resumed scheduler
        // could run it first — then it, not this call, would schedule the email (CI saw this call return 0).
        clock.advance(java.time.Duration.ofMinutes(3));
        assertThat(recovery.run()).isGreaterThanOrEqualTo(1);
        scheduler.resume();
        runDueJobs();
        await().untilAsserted(
                        () -> assertThat(on(source, Channel.EMAIL).status()).isEqualTo(MessageStatus.SENT));
        recovery.run();
        runDueJobs();
        assertThat(emailsTo(address)).isEqualTo(1);
        assertThat(twilioCalls(to)).isZero();
    }

    @Test
    void aPatientWhoAskedForEveryChannelGetsEach() {
        String to = NotificationsIntegrationTests.mobile();
        String address = email();
        String source = "every:" + to;
        List<UUID> queued = send(patient(to, address, EnumSet.of(Channel.SMS, Channel.EMAIL), true), source);
        assertThat(queued).hasSize(2);
        runDueJobs();
        await().untilAsserted(() ->
                assertThat(bySource(source)).extracting(LoggedMessage::status).containsOnly(MessageStatus.SENT));
        assertThat(emailsTo(address)).isEqualTo(1);
    }

    @Test
    void aWhatsAppMessageTheClinicStartsGoesAsItsApprovedTemplateAndARefusedTemplateFallsBackToSms() {
        String to = NotificationsIntegrationTests.mobile();
        String source = "template:" + to;
        // Twilio's answer to a content SID that is not an approved template of this account
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + to))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21655,\"message\":\"The ContentSid is Invalid\",\"status\":400}")));
        send(patient(to, null, EnumSet.of(Channel.WHATSAPP, Channel.SMS), false), source);
        assertThat(on(source, Channel.SMS).status()).isEqualTo(MessageStatus.HELD);
        runDueJobs();

        await().untilAsserted(
                        () -> assertThat(on(source, Channel.WHATSAPP).status()).isEqualTo(MessageStatus.FAILED));
        assertThat(on(source, Channel.WHATSAPP).lastError()).contains("21655");
        Stubs.TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo("whatsapp:" + to))
                        .withFormParam("ContentSid", equalTo(TEMPLATE))
                        .withFormParam(
                                "ContentVariables", equalToJson("{\"1\":\"Sara\",\"2\":\"appointment on Sunday\"}"))
                        .withFormParam("Body", absent()));
        runDueJobs();
        await().untilAsserted(() -> assertThat(on(source, Channel.SMS).status()).isEqualTo(MessageStatus.SENT));
        Stubs.TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo(to))
                        .withFormParam("ContentSid", absent())
                        .withFormParam("Body", com.github.tomakehurst.wiremock.client.WireMock.containing("Sara")));
    }

    @Test
    void aTemplateWhatsAppReportsUndeliveredLaterAndSmsTakesOver() {
        String to = NotificationsIntegrationTests.mobile();
        String source = "undelivered:" + to;
        UUID whatsapp = send(patient(to, null, EnumSet.of(Channel.WHATSAPP, Channel.SMS), false), source)
                .get(0);
        runDueJobs();
        await().untilAsserted(
                        () -> assertThat(on(source, Channel.WHATSAPP).status()).isEqualTo(MessageStatus.SENT));
        String sid = on(source, Channel.WHATSAPP).providerMessageId();
        Map<String, String> undelivered =
                Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "63016", "AccountSid", "ACtest");
        String path = "/webhooks/twilio/status?message=" + whatsapp;
        var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (var p : undelivered.entrySet()) {
            request = request.param(p.getKey(), p.getValue());
        }
        assertThat(request.header(
                                "X-Twilio-Signature",
                                TwilioSignature.sign("twilio-auth-token", "http://tenhal.test" + path, undelivered))
                        .exchange())
                .hasStatus(204);

        assertThat(on(source, Channel.WHATSAPP).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(on(source, Channel.WHATSAPP).lastError()).contains("63016");
        runDueJobs();
        await().untilAsserted(() -> assertThat(on(source, Channel.SMS).status()).isEqualTo(MessageStatus.SENT));
        assertThat(twilioCalls(to)).isEqualTo(1);
    }

    @Test
    void insideTheTwentyFourHourWindowWhatsAppMayBeFreeText() {
        String to = NotificationsIntegrationTests.mobile();
        String source = "window:" + to;
        // the patient wrote an hour ago
        jdbc.sql("""
                        insert into inbound_message (id, provider_message_id, channel, from_address, body, received_at)
                        values (:id, :pid, 'WHATSAPP', :from, 'hello', :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("pid", "SM" + UUID.randomUUID().toString().replace("-", ""))
                .param("from", to)
                .param("at", Timestamp.from(now().minus(java.time.Duration.ofHours(1))))
                .update();
        send(patient(to, null, EnumSet.of(Channel.WHATSAPP, Channel.SMS), false), source);
        assertThat(on(source, Channel.WHATSAPP).contentSid()).isNull();
        runDueJobs();
        await().untilAsserted(
                        () -> assertThat(on(source, Channel.WHATSAPP).status()).isEqualTo(MessageStatus.SENT));
        Stubs.TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo("whatsapp:" + to))
                        .withFormParam("ContentSid", absent())
                        .withFormParam("Body", com.github.tomakehurst.wiremock.client.WireMock.containing("Sara")));
    }
}
