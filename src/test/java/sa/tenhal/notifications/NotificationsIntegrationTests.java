package sa.tenhal.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.Unique;
import sa.tenhal.background.BackgroundTestBeans;
import sa.tenhal.background.BackgroundWorkIntegrationTest;
import sa.tenhal.background.Stubs;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.ConsentForm;
import sa.tenhal.patients.ConsentKind;
import sa.tenhal.patients.Consents;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

@RecordApplicationEvents
class NotificationsIntegrationTests extends BackgroundWorkIntegrationTest {

    static final String MESSAGES = "/2010-04-01/Accounts/ACtest/Messages.json";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Messages messages;

    @Autowired
    DeliveryLog log;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void twilioAccepts() {
        Stubs.TWILIO.resetAll();
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created()));
        // before a retry Tenhal asks whether Twilio has the message already: here it never has
        Stubs.TWILIO.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\":[],\"next_page_uri\":null}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\"}");
    }

    static String mobile() {
        return "+96654" + Unique.digits(7);
    }

    static Recipient patient(String mobile, LocalTime quietStart, LocalTime quietEnd) {
        return new Recipient(
                Recipient.Type.PATIENT,
                UUID.randomUUID(),
                "Sara",
                Language.EN,
                "sara@example.com",
                mobile,
                EnumSet.of(Channel.SMS, Channel.WHATSAPP, Channel.EMAIL),
                quietStart,
                quietEnd);
    }

    List<UUID> send(Recipient to, List<Channel> channels, boolean urgent, String source) {
        return transactions.execute(status -> messages.send(new Outgoing(
                "test-message",
                source,
                to,
                channels,
                Map.of("name", to.name(), "detail", "appointment on Sunday"),
                urgent)));
    }

    LoggedMessage message(UUID id) {
        return log.find(id).orElseThrow();
    }

    int twilioCalls(String to) {
        return Stubs.TWILIO
                .countRequestsMatching(postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo(to))
                        .build())
                .getCount();
    }

    @Test
    void theWelcomeEmailCarriesAWorkingOneTimeSetPasswordLink() throws Exception {
        Caller admin = staff.as(Role.ADMIN);
        String username = Unique.name("welcome");
        String email = username + "@clinic.example";
        MvcTestResult created = mvc.post()
                .uri("/api/v1/users")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","fullNameEn":"Lina Saleh","fullNameAr":"لينا صالح","email":"%s","roles":["RECEPTIONIST"],
                         "language":"AR"}""".formatted(username, email))
                .exchange();
        assertThat(created).hasStatus(201);

        MimeMessage mail = await().until(() -> received(email), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("مرحباً بك في تنهال، لينا صالح");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).isNotNull();
        assertThat(html).isNotNull();
        assertThat(html).contains("dir=\"rtl\"");
        Matcher link = Pattern.compile("http://tenhal\\.test/set-password/([0-9a-f]{64})")
                .matcher(text);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // The log holds the message without the secret; only the link's hash is stored.
        String stored = jdbc.sql("select body from notification_message where address = :a and kind = 'staff-welcome'")
                .param("a", email)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(token).contains("{{secret-link:password-setup:");
        assertThat(jdbc.sql("select count(*) from password_setup_token where token_hash = :h")
                        .param("h", sa.tenhal.platform.SecretTokens.sha256(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(mvc.get().uri("/set-password/" + token))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"password\"");
        assertThat(mvc.post()
                        .uri("/set-password/" + token)
                        .param("password", "a long new password")
                        .param("repeat", "a long new password")
                        .with(csrf()))
                .hasRedirectedUrl("/login?passwordSet");
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", username)
                        .param("password", "a long new password")
                        .with(csrf()))
                .hasRedirectedUrl("/");
        // Used up.
        assertThat(mvc.get().uri("/set-password/" + token))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("name=\"password\"");
    }

    /** The first part of the given type anywhere in the message's MIME tree. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    MimeMessage received(String address) throws Exception {
        for (MimeMessage m : Stubs.SMTP.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().contains(address)) {
                    return m;
                }
            }
        }
        return null;
    }

    @Test
    void providerErrorsAreRetriedAndTheMessageIsSentOnce() {
        String to = mobile();
        Instant t0 = Instant.parse("2031-07-01T09:00:00Z");
        clock.set(t0);
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("second"));
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("third"));
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(created()));

        UUID id = send(patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0)), List.of(Channel.SMS), true, "retry:" + to)
                .get(0);
        runDueJobs();
        await().untilAsserted(() -> assertThat(twilioCalls(to)).isEqualTo(1));
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED));
        advance(Duration.ofSeconds(61));
        await().untilAsserted(() -> assertThat(twilioCalls(to)).isEqualTo(2));
        await().untilAsserted(() -> assertThat(message(id).lastError()).contains("503"));
        advance(Duration.ofSeconds(121));
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(twilioCalls(to)).isEqualTo(3);
        LoggedMessage sent = message(id);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.providerMessageId()).startsWith("SM");
        assertThat(sent.segments()).isEqualTo(1);
        assertThat(sent.provider()).isEqualTo("twilio");
    }

    @Test
    void aTimeoutIsRetried() {
        String to = mobile();
        Instant t0 = Instant.parse("2031-07-02T09:00:00Z");
        clock.set(t0);
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created().withFixedDelay(45_000))
                .willSetStateTo("fast"));
        Stubs.TWILIO.stubFor(post(urlEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to))
                .inScenario("slow")
                .whenScenarioStateIs("fast")
                .willReturn(created()));
        UUID id = send(
                        patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0)),
                        List.of(Channel.SMS),
                        true,
                        "timeout:" + to)
                .get(0);
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).lastError()).contains("too slow"));
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.QUEUED));
        advance(Duration.ofSeconds(61));
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(twilioCalls(to)).isEqualTo(2);
    }

    @Test
    void aRefusedNumberIsNotRetried() {
        String to = mobile();
        Stubs.TWILIO.stubFor(
                post(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo(to))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));
        UUID id = send(
                        patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0)),
                        List.of(Channel.SMS),
                        true,
                        "refused:" + to)
                .get(0);
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.FAILED));
        assertThat(message(id).lastError()).contains("21211");
        assertThat(message(id).attempts()).isEqualTo(1);
        advance(Duration.ofMinutes(10));
        assertThat(twilioCalls(to)).isEqualTo(1);
    }

    @Test
    void theSameCauseNeverSendsTheSameMessageTwice() {
        String to = mobile();
        Recipient recipient = patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0));
        List<UUID> first = send(recipient, List.of(Channel.SMS), true, "replayed-event:" + to);
        List<UUID> second = send(recipient, List.of(Channel.SMS), true, "replayed-event:" + to);
        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(first.get(0)).status()).isEqualTo(MessageStatus.SENT));
        assertThat(twilioCalls(to)).isEqualTo(1);
        assertThat(log.countBySource("replayed-event:" + to)).isEqualTo(1);
    }

    @Test
    void nonUrgentTextsWaitForMorningButEmailsGoAtOnce() {
        String to = mobile();
        Instant elevenPmRiyadh = Instant.parse("2031-07-04T20:00:00Z");
        clock.set(elevenPmRiyadh);
        Recipient one = patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0));
        // a patient who asked for both channels at once
        Recipient both = new Recipient(
                one.type(),
                one.id(),
                one.name(),
                one.language(),
                one.email(),
                one.mobile(),
                one.channels(),
                one.quietStart(),
                one.quietEnd(),
                null,
                true);
        List<UUID> ids = send(both, List.of(Channel.SMS, Channel.EMAIL), false, "night:" + to);
        assertThat(ids).hasSize(2);
        assertThat(ids.stream()
                        .map(this::message)
                        .filter(m -> m.channel() == Channel.SMS)
                        .findFirst()
                        .orElseThrow()
                        .sendAfter())
                .isEqualTo(Instant.parse("2031-07-05T05:00:00Z"));
        assertThat(ids.stream()
                        .map(this::message)
                        .filter(m -> m.channel() == Channel.EMAIL)
                        .findFirst()
                        .orElseThrow()
                        .sendAfter())
                .isEqualTo(elevenPmRiyadh);
    }

    @Test
    void whatsAppGoesFromTheWhatsAppNumber() {
        String to = mobile();
        UUID id = send(
                        patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0)),
                        List.of(Channel.WHATSAPP),
                        true,
                        "wa:" + to)
                .get(0);
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        Stubs.TWILIO.verify(
                1,
                postRequestedFor(urlEqualTo(MESSAGES))
                        .withFormParam("To", equalTo("whatsapp:" + to))
                        .withFormParam("From", equalTo("whatsapp:+15550002222"))
                        .withFormParam(
                                "StatusCallback", equalTo("http://tenhal.test/webhooks/twilio/status?message=" + id)));
    }

    MvcTestResult webhook(String path, Map<String, String> params, String signature) {
        var request = mvc.post().uri("/webhooks/twilio/" + path).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (var p : params.entrySet()) {
            request = request.param(p.getKey(), p.getValue());
        }
        if (signature != null) {
            request = request.header("X-Twilio-Signature", signature);
        }
        return request.exchange();
    }

    String sign(String path, Map<String, String> params) {
        return TwilioSignature.sign("twilio-auth-token", "http://tenhal.test/webhooks/twilio/" + path, params);
    }

    @Test
    void statusCallbacksNeedTwiliosSignature() {
        String to = mobile();
        UUID id = send(patient(to, LocalTime.of(22, 0), LocalTime.of(8, 0)), List.of(Channel.SMS), true, "status:" + to)
                .get(0);
        runDueJobs();
        await().untilAsserted(() -> assertThat(message(id).status()).isEqualTo(MessageStatus.SENT));
        String sid = message(id).providerMessageId();
        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", "ACtest");

        assertThat(webhook("status", delivered, "forged")).hasStatus(403);
        assertThat(webhook("status", delivered, null)).hasStatus(403);
        assertThat(message(id).status()).isEqualTo(MessageStatus.SENT);

        assertThat(webhook("status", delivered, sign("status", delivered))).hasStatus(204);
        assertThat(message(id).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(message(id).deliveredAt()).isNotNull();
    }

    @Test
    void repliesArePublishedOnceAndOnlyWhenSigned() {
        String from = mobile();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> reply = Map.of("MessageSid", sid, "From", from, "Body", "نعم", "To", "+15550001111");

        assertThat(webhook("inbound", reply, "forged")).hasStatus(403);
        assertThat(events.stream(InboundMessageReceived.class)).isEmpty();

        MvcTestResult accepted = webhook("inbound", reply, sign("inbound", reply));
        assertThat(accepted).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_XML);
        assertThat(Bodies.text(accepted)).contains("<Response></Response>");
        assertThat(webhook("inbound", reply, sign("inbound", reply))).hasStatusOk();

        assertThat(events.stream(InboundMessageReceived.class)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(from);
            assertThat(e.body()).isEqualTo("نعم");
            assertThat(e.channel()).isEqualTo(Channel.SMS);
            assertThat(e.providerMessageId()).isEqualTo(sid);
        });
    }

    @Test
    void emailsCarryTheirAttachments() throws Exception {
        String address = Unique.name("files") + "@clinic.example";
        Recipient to = new Recipient(
                Recipient.Type.PATIENT,
                UUID.randomUUID(),
                "Sara",
                Language.EN,
                address,
                null,
                EnumSet.of(Channel.EMAIL),
                LocalTime.of(22, 0),
                LocalTime.of(8, 0));
        byte[] pdf = "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        transactions.executeWithoutResult(status -> messages.send(new Outgoing(
                "test-message",
                "files:" + address,
                to,
                List.of(Channel.EMAIL),
                Map.of("name", "Sara", "detail", "your invoice"),
                true,
                List.of(
                        Attachment.pdf("invoice-INV-1.pdf", pdf),
                        Attachment.csv("lines.csv", "a,b\n1,2\n".getBytes())))));
        runDueJobs();
        MimeMessage mail = await().until(() -> received(address), m -> m != null);
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        List<String> files = new java.util.ArrayList<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (mixed.getBodyPart(i).getFileName() != null) {
                files.add(mixed.getBodyPart(i).getFileName() + " "
                        + mixed.getBodyPart(i).getContentType().split(";")[0]);
            }
        }
        assertThat(files).containsExactly("invoice-INV-1.pdf application/pdf", "lines.csv text/csv");
    }

    @Autowired
    PatientRegistry patients;

    @Autowired
    Consents consents;

    @Autowired
    BackgroundTestBeans.TestCareTeam careTeam;

    @Test
    void aRecordedConsentReachesTheCareTeamsInbox() {
        Caller therapist = staff.as(Role.PROVIDER);
        var patient = patients.register(sa.tenhal.patients.TestPatientForms.adult(), true, "RYD");
        careTeam.teams.put(patient.id().value(), java.util.Set.of(therapist.id().value()));

        consents.record(
                patient.id(),
                new ConsentForm(ConsentKind.TREATMENT, ConsentForm.GivenBy.PATIENT, null, "T-2026.1", null));

        await().untilAsserted(() -> assertThat(mvc.get()
                        .uri("/api/v1/me/notifications/unread-count")
                        .header(HttpHeaders.AUTHORIZATION, therapist.bearer()))
                .bodyJson()
                .extractingPath("$.unread")
                .isEqualTo(1));
        MvcTestResult inbox = mvc.get()
                .uri("/api/v1/me/notifications")
                .header(HttpHeaders.AUTHORIZATION, therapist.bearer())
                .exchange();
        assertThat(inbox).bodyJson().extractingPath("$.content[0].title").isEqualTo("Consent recorded: treatment");
        String notice = Bodies.read(inbox, "$.content[0].id");
        assertThat(mvc.post()
                        .uri("/api/v1/me/notifications/{id}/read", notice)
                        .header(HttpHeaders.AUTHORIZATION, therapist.bearer()))
                .hasStatus(204);
        assertThat(mvc.get()
                        .uri("/api/v1/me/notifications/unread-count")
                        .header(HttpHeaders.AUTHORIZATION, therapist.bearer()))
                .bodyJson()
                .extractingPath("$.unread")
                .isEqualTo(0);
        // Someone else's notice is not found.
        assertThat(mvc.post()
                        .uri("/api/v1/me/notifications/{id}/read", notice)
                        .header(HttpHeaders.AUTHORIZATION, staff.as(Role.NURSE).bearer()))
                .hasStatus(404);
    }
}
