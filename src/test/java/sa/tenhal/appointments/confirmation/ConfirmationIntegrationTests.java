package sa.tenhal.appointments.confirmation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.at;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.email;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.sunday;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.background.BackgroundWorkIntegrationTest;
import sa.tenhal.background.Stubs;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.SecretTokens;
import sa.tenhal.shared.Language;

/**
 * The confirmation workflow against the real thing: bookings publish events, listeners create and send requests,
 * GreenMail receives the email, the link's page confirms or declines, replies arrive on Twilio's signed webhook.
 */
class ConfirmationIntegrationTests extends BackgroundWorkIntegrationTest {

    static final Pattern LINK = Pattern.compile("http://tenhal\\.test/p/confirm/([0-9a-f]{64})\\?lang=(ar|en)");

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Confirmations confirmations;

    @Autowired
    JdbcClient jdbc;

    ConfirmationFixture fixture;

    @BeforeEach
    void centre() {
        fixture = ConfirmationFixture.everyChannelIn(context);
        Stubs.TWILIO.resetAll();
        Stubs.TWILIO.stubFor(post(urlEqualTo("/2010-04-01/Accounts/ACtest/Messages.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                                + "\",\"status\":\"queued\"}")));
    }

    // --- helpers ---

    ConfirmationDetails sent(AppointmentDetails appointment) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> confirmations.current(appointment.id()).orElse(null),
                        c -> c != null
                                && c.sentAt() != null
                                && c.appointmentStartsAt().equals(appointment.startsAt()));
    }

    static MimeMessage received(String address, String subjectPart) throws Exception {
        for (MimeMessage m : Stubs.SMTP.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().contains(address) && m.getSubject().contains(subjectPart)) {
                    return m;
                }
            }
        }
        return null;
    }

    static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The token of the link in the email whose subject contains {@code subjectPart}. */
    static String linkIn(String address, String subjectPart) throws Exception {
        MimeMessage mail = await().until(() -> received(address, subjectPart), m -> m != null);
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as("the email has a confirmation link").isTrue();
        return link.group(1);
    }

    static List<String> tokensIn(String address) throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        for (MimeMessage m : Stubs.SMTP.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                if (to.toString().contains(address)) {
                    Matcher link = LINK.matcher(text(m));
                    while (link.find()) {
                        tokens.add(link.group(1));
                    }
                }
            }
        }
        return tokens;
    }

    AppointmentDetails appointment(AppointmentDetails a) {
        return scheduling.get(a.id());
    }

    MvcTestResult page(String token) {
        return mvc.get().uri("/p/confirm/" + token).exchange();
    }

    long messages(PatientId patient, String kind, String channel) {
        return jdbc.sql(
                        "select count(*) from notification_message where recipient_id = :p and kind = :k and channel = :c")
                .param("p", patient.value())
                .param("k", kind)
                .param("c", channel)
                .query(Long.class)
                .single();
    }

    /** The patient's messages and their delivery jobs, for a failure's message. */
    String messageLog(PatientId patient) {
        return jdbc.sql("""
                        select m.kind, m.channel, m.status, m.attempts, m.send_after, m.last_error,
                               t.execution_time, t.picked, t.picked_by
                          from notification_message m
                          left join scheduled_tasks t on t.task_name = 'deliver-message' and t.task_instance = m.id::text
                         where m.recipient_id = :p order by m.created_at
                        """).param("p", patient.value()).query().listOfRows().toString()
                + "; what the scheduler holds: "
                + jdbc.sql("""
                        select task_name, count(*) filter (where picked) as picked,
                               count(*) filter (where not picked and execution_time <= :now) as due,
                               min(execution_time) filter (where not picked) as next
                          from scheduled_tasks group by task_name order by task_name
                        """)
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .query()
                        .listOfRows();
    }

    long audited(UUID confirmation, String action) {
        return jdbc.sql("select count(*) from audit_entry where record_type = 'AppointmentConfirmation'"
                        + " and record_id = :id and action = :a")
                .param("id", confirmation)
                .param("a", action)
                .query(Long.class)
                .single();
    }

    // --- tests ---

    @Test
    void aRequestCountsAsSentOnlyOnceItsMessageHasLeft() {
        PatientId patient = fixture.patientBySmsOnly(Language.EN);
        // booked at night: the request's SMS waits out the quiet hours (22:00-08:00)
        LocalDate saturday = sunday(1).minusDays(1);
        clock.set(at(saturday, 23, 0));
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 10, 0));
        await().until(() -> messages(patient, "appointment-confirmation-request", "SMS"), n -> n == 1);
        ConfirmationDetails asked = confirmations.current(booked.id()).orElseThrow();
        assertThat(asked.status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(asked.sentAt()).isNull();
        assertThat(jdbc.sql("select status from notification_message where recipient_id = :p")
                        .param("p", patient.value())
                        .query(String.class)
                        .single())
                .isEqualTo("QUEUED");

        // 08:00: the SMS leaves, and only now is the request sent
        clock.set(at(sunday(1), 8, 0).plusSeconds(30));
        runDueJobs();
        await().untilAsserted(() -> assertThat(
                        confirmations.current(booked.id()).orElseThrow().sentAt())
                .isEqualTo(clock.instant()));
        assertThat(jdbc.sql("select sent_at from notification_message where recipient_id = :p")
                        .param("p", patient.value())
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(clock.instant());
    }

    @Test
    void aBookingSendsARequestWhoseLinkShowsOnGetAndConfirmsOnlyOnPost() throws Exception {
        String address = email("link");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 9, 0));
        ConfirmationDetails request = sent(booked);
        assertThat(request.status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(request.valid()).isTrue();
        assertThat(request.expiresAt()).isEqualTo(request.createdAt().plus(Duration.ofDays(7)));

        String token = linkIn(address, "Please confirm your appointment");
        // the email and the text; the stored messages hold a placeholder, the database only the link's hash
        await().until(() -> messages(patient, "appointment-confirmation-request", "SMS"), n -> n == 1);
        String sms = jdbc.sql("select body from notification_message where recipient_id = :p and channel = 'SMS'")
                .param("p", patient.value())
                .query(String.class)
                .single();
        assertThat(sms)
                .contains("Reply 1 to confirm or 2 to cancel")
                .contains("{{secret-link:appointment-confirmation:");
        assertThat(jdbc.sql("select count(*) from notification_message where body like :t")
                        .param("t", "%" + token + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select confirmation_id from appointment_confirmation_token where token_hash = :h")
                        .param("h", SecretTokens.sha256(token))
                        .query(UUID.class)
                        .single())
                .isEqualTo(request.id());

        // GET only shows: first name, clinic, provider, local time, address; nothing clinical
        MvcTestResult shown = page(token);
        assertThat(shown).hasStatusOk();
        String html = Bodies.text(shown);
        assertThat(html)
                .contains("Hello Noura")
                .contains("Speech clinic")
                .contains(fixture.providerName)
                .contains("09:00")
                .contains("King Fahd Road")
                .contains("+966112345678")
                .contains("Yes, I will come")
                .doesNotContain("Stuttering")
                .doesNotContain("private note");
        page(token);
        assertThat(confirmations.byToken(token).orElseThrow().status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.BOOKED);

        // "thank you" only for an answer that stands: the parameter alone proves nothing
        assertThat(Bodies.text(mvc.get()
                        .uri("/p/confirm/" + token + "?done=confirmed&lang=en")
                        .exchange()))
                .doesNotContain("Thank you")
                .contains("Yes, I will come");

        // a POST without the page's CSRF token changes nothing
        assertThat(mvc.post().uri("/p/confirm/" + token + "/confirm")).hasStatus(403);
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.BOOKED);

        MvcTestResult answered0 = mvc.post()
                .uri("/p/confirm/" + token + "/confirm")
                .header(HttpHeaders.USER_AGENT, "TestPhone/1.0")
                .header(HttpHeaders.HOST, "evil.example")
                .with(csrf())
                .exchange();
        // back to the page by a relative address that carries what was done, not a flash kept in a session
        assertThat(answered0).hasStatus3xxRedirection().hasRedirectedUrl("/p/confirm/" + token + "?done=confirmed");
        assertThat(Bodies.text(mvc.get()
                        .uri("/p/confirm/" + token + "?done=confirmed&lang=en")
                        .exchange()))
                .contains("Thank you: your appointment is confirmed.");
        AppointmentDetails confirmed = appointment(booked);
        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.confirmationMethod()).isEqualTo(ConfirmationMethod.LINK);
        ConfirmationDetails answered = confirmations.byToken(token).orElseThrow();
        assertThat(answered.status()).isEqualTo(ConfirmationStatus.CONFIRMED);
        assertThat(answered.method()).isEqualTo(ConfirmationMethod.LINK);
        assertThat(answered.confirmedByAddress()).isEqualTo("127.0.0.1");
        assertThat(answered.confirmedByUserAgent()).isEqualTo("TestPhone/1.0");
        assertThat(audited(request.id(), "CONFIRM")).isEqualTo(1);

        // used: the page says so and offers the calendar file; a second confirmation changes nothing
        assertThat(Bodies.text(page(token)))
                .contains("This appointment is already confirmed.")
                .doesNotContain("Yes, I will come");
        assertThat(mvc.post().uri("/p/confirm/" + token + "/confirm").with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        MvcTestResult ics =
                mvc.get().uri("/p/confirm/" + token + "/calendar.ics").exchange();
        assertThat(ics).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
        assertThat(ics.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("BEGIN:VCALENDAR")
                .contains("Speech clinic")
                .contains(booked.id().value().toString());
    }

    @Test
    void anAnswerToAMalformedLinkGetsTheFriendlyPageAndNoRedirect() {
        for (String token : List.of("%7Bx%7D", "a%20b", "%E2%9C%93", "not-a-token", "A".repeat(64))) {
            MvcTestResult answered = mvc.post()
                    .uri(java.net.URI.create("/p/confirm/" + token + "/confirm"))
                    .with(csrf())
                    .exchange();
            assertThat(answered).as(token).hasStatus(404);
            assertThat(answered.getResponse().getHeader(HttpHeaders.LOCATION)).isNull();
            assertThat(Bodies.text(answered)).contains("This link does not work");
            assertThat(mvc.post()
                            .uri(java.net.URI.create("/p/confirm/" + token + "/decline"))
                            .param("reason", "x")
                            .with(csrf())
                            .exchange())
                    .hasStatus(404);
        }
    }

    @Test
    void unknownAndMalformedLinksGetAFriendlyPage() {
        for (String token : List.of(SecretTokens.newSecret(), "not-a-token", "A".repeat(64))) {
            MvcTestResult result = page(token);
            assertThat(result).hasStatus(404);
            assertThat(Bodies.text(result)).contains("This link does not work");
        }
        assertThat(mvc.get().uri("/p/confirm/" + SecretTokens.newSecret() + "/calendar.ics"))
                .hasStatus(404);
    }

    @Test
    void aLinkOpenedTooOftenIsAnswered429() {
        String token = SecretTokens.newSecret();
        int limit = 12; // tenhal.patient-links.per-link-per-minute
        for (int i = 0; i < limit; i++) {
            assertThat(page(token)).hasStatus(404);
        }
        MvcTestResult refused = page(token);
        assertThat(refused).hasStatus(429).hasHeader("Cache-Control", "no-store");
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(mvc.post().uri("/p/confirm/" + token + "/confirm").with(csrf()))
                .hasStatus(429);
    }

    @Test
    void declineCancelsTheAppointmentFreesTheSlotAndSendsTheCancellation() throws Exception {
        String address = email("decline");
        PatientId patient = fixture.patient(Language.EN, address);
        Instant start = at(sunday(1), 10, 0);
        AppointmentDetails booked = fixture.book(patient, start);
        ConfirmationDetails request = sent(booked);
        String token = linkIn(address, "Please confirm");

        assertThat(mvc.post()
                        .uri("/p/confirm/" + token + "/decline")
                        .param("reason", "We are travelling")
                        .with(csrf()))
                .hasStatus3xxRedirection();
        AppointmentDetails cancelled = appointment(booked);
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("declined by patient: We are travelling");
        assertThat(confirmations.byToken(token).orElseThrow().status()).isEqualTo(ConfirmationStatus.DECLINED);
        assertThat(audited(request.id(), "DECLINE")).isEqualTo(1);
        assertThat(Bodies.text(page(token))).contains("This appointment was cancelled at your request.");

        MimeMessage cancellation = await().until(() -> received(address, "is cancelled"), m -> m != null);
        assertThat(text(cancellation)).contains("your appointment at Speech clinic");

        // the slot is free again
        PatientId other = fixture.patient(Language.AR, email("other"));
        assertThat(fixture.book(other, start).status()).isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void aRescheduleEndsTheOldLinkAndSendsANewOne() throws Exception {
        String address = email("move");
        PatientId patient = fixture.patient(Language.AR, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 11, 0));
        ConfirmationDetails first = sent(booked);
        String oldToken = linkIn(address, "نرجو تأكيد موعدك");

        AppointmentDetails moved =
                scheduling.reschedule(booked.id(), at(sunday(1), 13, 0), null, null, "the patient asked", null);
        ConfirmationDetails second = sent(moved);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(confirmations.byToken(oldToken).orElseThrow().endedBecause()).isEqualTo("RESCHEDULED");
        assertThat(audited(first.id(), "EXPIRE")).isEqualTo(1);

        await().until(() -> tokensIn(address).size(), n -> n == 2);
        String newToken = tokensIn(address).stream()
                .filter(t -> !t.equals(oldToken))
                .findFirst()
                .orElseThrow();
        // the old link says where the visit went, not just "expired"
        assertThat(Bodies.text(page(oldToken)))
                .contains("تم نقل هذا الموعد إلى")
                .contains("13:00")
                .doesNotContain("انتهت صلاحية هذا الرابط");
        // the message says that it moved, from when to when, with the fresh link
        MimeMessage movedMail = received(address, "تم نقل موعدك");
        assertThat(movedMail).isNotNull();
        assertThat(text(movedMail)).contains("11:00").contains("13:00").contains(newToken);
        assertThat(mvc.post().uri("/p/confirm/" + oldToken + "/confirm").with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.BOOKED);

        assertThat(Bodies.text(page(newToken))).contains("13:00").contains("نعم، سأحضر");
        mvc.post().uri("/p/confirm/" + newToken + "/confirm").with(csrf()).exchange();
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void aCancellationEndsTheRequest() throws Exception {
        String address = email("cancel");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 12, 0));
        ConfirmationDetails request = sent(booked);
        String token = linkIn(address, "Please confirm");
        scheduling.cancel(booked.id(), "clinic closed");
        await().until(
                        () -> confirmations.current(booked.id()).orElseThrow().status(),
                        s -> s == ConfirmationStatus.EXPIRED);
        assertThat(confirmations.current(booked.id()).orElseThrow().endedBecause())
                .isEqualTo("CANCELLED");
        // the old link says what happened, in words, and does not show the time as if it still stood
        String cancelledPage = Bodies.text(page(token));
        assertThat(cancelledPage)
                .contains("This appointment was cancelled by the clinic on")
                .contains("Please do not come at the old time")
                .contains("+966112345678")
                .doesNotContain("This link has expired.");
        assertThat(audited(request.id(), "EXPIRE")).isEqualTo(1);

        // the patient is told, with the clinic's phone and a link whose page says what happened
        MimeMessage told = await().until(() -> received(address, "is cancelled by the clinic"), m -> m != null);
        assertThat(text(told)).contains("had to cancel your appointment").contains("+966112345678");
        Matcher link = LINK.matcher(text(told));
        assertThat(link.find()).isTrue();
        assertThat(Bodies.text(page(link.group(1)))).contains("This appointment was cancelled by the clinic on");
        assertThat(messages(patient, "appointment-cancelled-by-clinic", "SMS")).isEqualTo(1);
    }

    @Autowired
    sa.tenhal.appointments.ToRebook toRebook;

    sa.tenhal.appointments.RebookEntry openEntry(AppointmentDetails a) {
        return await().until(
                        () -> toRebook.open(null).stream()
                                .filter(e -> e.appointmentId().equals(a.id()))
                                .findFirst()
                                .orElse(null),
                        e -> e != null);
    }

    @Test
    void aDeclinedVisitGoesOnTheDesksToRebookListWithTheReasonAndRebookingClearsIt() throws Exception {
        var receptionist = staff.as(Role.RECEPTIONIST);
        String address = email("rebook");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 10, 0));
        sent(booked);
        String token = linkIn(address, "Please confirm");
        mvc.post()
                .uri("/p/confirm/" + token + "/decline")
                .param("reason", "My child has a fever, please give another time")
                .with(csrf())
                .exchange();

        var entry = openEntry(booked);
        assertThat(entry.why()).isEqualTo(sa.tenhal.appointments.RebookEntry.Why.DECLINED);
        assertThat(entry.reason()).isEqualTo("My child has a fever, please give another time");
        // reception is told in the inbox
        await().until(
                        () -> jdbc.sql("select count(*) from notification_message where recipient_id = :r"
                                        + " and kind = 'rebook-listed' and channel = 'IN_APP' and source = :s")
                                .param("r", receptionist.id().value())
                                .param("s", "RebookListed:" + entry.id())
                                .query(Long.class)
                                .single(),
                        n -> n == 1);

        jakarta.servlet.http.Cookie session = sa.tenhal.Pages.signIn(mvc, receptionist);
        String list = Bodies.text(mvc.get().uri("/desk/rebook").cookie(session).exchange());
        assertThat(list)
                .contains("Declined by the patient")
                .contains("My child has a fever, please give another time")
                .contains("/book?patient=" + patient.value() + "&amp;service=" + fixture.session.value());

        // one step: booking the patient again for the service clears the entry
        fixture.book(patient, at(sunday(2), 13, 0));
        await().until(() -> toRebook.open(null).stream().noneMatch(e -> e.id().equals(entry.id())));
    }

    @Test
    void aClinicCancellationGoesOnTheListAndStaffMayDismissIt() {
        PatientId patient = fixture.patient(Language.AR, email("rebook-cc"));
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 11, 0));
        scheduling.cancel(booked.id(), "provider on leave");
        var entry = openEntry(booked);
        assertThat(entry.why()).isEqualTo(sa.tenhal.appointments.RebookEntry.Why.CANCELLED_BY_CLINIC);
        jakarta.servlet.http.Cookie session = sa.tenhal.Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(mvc.post()
                        .uri("/desk/rebook/" + entry.id() + "/dismiss")
                        .cookie(session)
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(toRebook.open(null)).noneMatch(e -> e.id().equals(entry.id()));
    }

    static net.fortuna.ical4j.model.component.VEvent icsEvent(MvcTestResult ics, String method) throws Exception {
        assertThat(ics).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.ByteArrayInputStream(ics.getResponse().getContentAsByteArray()));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        // valid as calendars read it: an organiser in published and cancelling entries alike (iTIP), nothing else amiss
        assertThat(calendar.validate().getEntries()).isEmpty();
        return calendar.<net.fortuna.ical4j.model.component.VEvent>getComponent("VEVENT")
                .orElseThrow();
    }

    /** The provider feed's event of this appointment (by its UID), the feed parsed and validated with ical4j. */
    net.fortuna.ical4j.model.component.VEvent feedEvent(String path, AppointmentDetails appointment) throws Exception {
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.ByteArrayInputStream(
                        mvc.get().uri(path).exchange().getResponse().getContentAsByteArray()));
        assertThat(calendar.validate().getEntries()).isEmpty();
        return calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID")
                        .orElseThrow()
                        .getValue()
                        .equals(appointment.id().value() + "@tenhal"))
                .findFirst()
                .orElseThrow();
    }

    static Instant icsTime(net.fortuna.ical4j.model.component.VEvent event, String name) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
                .parse(event.getProperty(name).orElseThrow().getValue(), Instant::from);
    }

    @Test
    void theCalendarFileHasTheRealLengthAnOrganiserAUidThatSurvivesAMoveAndACancellingEntry() throws Exception {
        String address = email("ics");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(3), 9, 0));
        sent(booked);
        String first = linkIn(address, "Please confirm");
        mvc.post().uri("/p/confirm/" + first + "/confirm").with(csrf()).exchange();
        var event =
                icsEvent(mvc.get().uri("/p/confirm/" + first + "/calendar.ics").exchange(), "PUBLISH");
        // the 45-minute session is 45 minutes, not an hour
        assertThat(java.time.Duration.between(icsTime(event, "DTSTART"), icsTime(event, "DTEND")))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("tel:+966112345678");
        assertThat(event.getProperty("ORGANIZER")
                        .orElseThrow()
                        .getParameter("CN")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Speech clinic");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue())
                .contains("Nakheel Centre")
                .contains("King Fahd Road");
        String uid = event.getProperty("UID").orElseThrow().getValue();

        // moved and confirmed again: the same UID, so calendars update the event
        scheduling.reschedule(booked.id(), at(sunday(3), 14, 0), null, null, "clinic asked", null);
        await().until(() -> tokensIn(address).size(), n -> n == 2);
        String second = tokensIn(address).stream()
                .filter(t -> !t.equals(first))
                .findFirst()
                .orElseThrow();
        mvc.post().uri("/p/confirm/" + second + "/confirm").with(csrf()).exchange();
        var moved =
                icsEvent(mvc.get().uri("/p/confirm/" + second + "/calendar.ics").exchange(), "PUBLISH");
        assertThat(moved.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(icsTime(moved, "DTSTART")).isEqualTo(at(sunday(3), 14, 0));

        // cancelled by the clinic: the same link gives the cancelling entry
        scheduling.cancel(booked.id(), "provider ill");
        var cancelling =
                icsEvent(mvc.get().uri("/p/confirm/" + second + "/calendar.ics").exchange(), "CANCEL");
        assertThat(cancelling.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
        assertThat(cancelling.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void afterConfirmingThePatientMayStillCancelFromTheLinkUntilTheCutOff() throws Exception {
        String address = email("withdraw");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 12, 0));
        sent(booked);
        String token = linkIn(address, "Please confirm");
        mvc.post().uri("/p/confirm/" + token + "/confirm").with(csrf()).exchange();
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(Bodies.text(page(token)))
                .contains("This appointment is already confirmed.")
                .contains("You can still cancel here until");
        // GET never changes anything; the POST (with CSRF) cancels, with the reason in the patient's words
        assertThat(mvc.post().uri("/p/confirm/" + token + "/decline").param("reason", "We moved to Jeddah"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/p/confirm/" + token + "/decline")
                        .param("reason", "We moved to Jeddah")
                        .with(csrf()))
                .hasStatus3xxRedirection();
        AppointmentDetails cancelled = appointment(booked);
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("declined by patient: We moved to Jeddah");
        assertThat(Bodies.text(page(token))).contains("This appointment was cancelled at your request.");
        assertThat(openEntry(booked).reason()).isEqualTo("We moved to Jeddah");
    }

    @Test
    void thePatientMovesTheVisitFromTheLinkToAnOfferedTimeOnlyByPostAndTheOldLinkSaysWhere() throws Exception {
        String address = email("move");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 9, 0));
        ConfirmationDetails request = sent(booked);
        String token = linkIn(address, "Please confirm");
        assertThat(Bodies.text(page(token))).contains("Another time?").contains("Move my appointment");

        // other free times of the same provider and service, after the cut-off, never the visit's own
        List<Instant> offered = confirmations.moveChoices(request.id());
        assertThat(offered)
                .isNotEmpty()
                .doesNotContain(booked.startsAt())
                .allMatch(t -> t.isAfter(clock.instant().plus(Duration.ofHours(24))));
        Instant to = offered.contains(at(sunday(2), 11, 0)) ? at(sunday(2), 11, 0) : offered.get(offered.size() - 1);

        // only a POST with the page's CSRF token moves anything
        assertThat(mvc.post().uri("/p/confirm/" + token + "/move").param("startsAt", to.toString()))
                .hasStatus(403);
        // a time the page did not offer is refused, and the page says so
        assertThat(mvc.post()
                        .uri("/p/confirm/" + token + "/move")
                        .param("startsAt", at(sunday(2), 3, 0).toString())
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .contains("done=taken");
        assertThat(appointment(booked).startsAt()).isEqualTo(booked.startsAt());
        assertThat(mvc.post()
                        .uri("/p/confirm/" + token + "/move")
                        .param("startsAt", "next tuesday")
                        .with(csrf()))
                .hasStatus(422);

        assertThat(mvc.post()
                        .uri("/p/confirm/" + token + "/move")
                        .param("startsAt", to.toString())
                        .with(csrf()))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .contains("done=moved");
        assertThat(appointment(booked).startsAt()).isEqualTo(to);
        assertThat(jdbc.sql("select reason from appointment_reschedule where appointment_id = :a")
                        .param("a", booked.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(Confirmations.MOVED_REASON);
        assertThat(Bodies.text(
                        mvc.get().uri("/p/confirm/" + token + "?done=moved").exchange()))
                .contains("Done: your appointment is now on");
        assertThat(Bodies.text(page(token))).contains("This appointment was moved to");

        // the old link may not move it again; a fresh link for the new time goes out (one live link per visit)
        assertThat(confirmations.moveChoices(request.id())).isEmpty();
        mvc.post()
                .uri("/p/confirm/" + token + "/move")
                .param("startsAt", offered.get(0).toString())
                .with(csrf())
                .exchange();
        assertThat(appointment(booked).startsAt()).isEqualTo(to);
        await().until(() -> tokensIn(address).size(), n -> n == 2);
        ConfirmationDetails fresh = await().until(
                        () -> confirmations.current(booked.id()).orElse(null),
                        c -> c != null && c.appointmentStartsAt().equals(to));
        assertThat(fresh.status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(confirmations.moveChoices(fresh.id())).isNotEmpty();

        // within the cut-off the page offers no other time
        clock.set(to.minus(Duration.ofHours(3)));
        try {
            assertThat(confirmations.moveChoices(fresh.id())).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void withinTheCutOffAConfirmedVisitIsNotCancelledFromTheLink() throws Exception {
        String address = email("cutoff");
        PatientId patient = fixture.patient(Language.EN, address);
        Instant soon = ConfirmationFixture.at(java.time.LocalDate.now(ConfirmationFixture.RIYADH), 8, 0)
                .plus(Duration.ofDays(1));
        // a working day tomorrow or the day after, within 24-48 h: pick the next Sunday-to-Thursday slot ahead
        AppointmentDetails booked = null;
        for (int d = 0; d < 7 && booked == null; d++) {
            Instant start = soon.plus(Duration.ofDays(d)).plus(Duration.ofHours(3));
            java.time.DayOfWeek day = start.atZone(ConfirmationFixture.RIYADH).getDayOfWeek();
            if (day != java.time.DayOfWeek.FRIDAY && day != java.time.DayOfWeek.SATURDAY) {
                booked = fixture.book(patient, start);
            }
        }
        sent(booked);
        String token = linkIn(address, "Please confirm");
        mvc.post().uri("/p/confirm/" + token + "/confirm").with(csrf()).exchange();
        clock.set(booked.startsAt().minus(Duration.ofHours(3)));
        try {
            assertThat(Bodies.text(page(token)))
                    .contains("To change or cancel it now, call us.")
                    .doesNotContain("You can still cancel here until");
            mvc.post().uri("/p/confirm/" + token + "/decline").with(csrf()).exchange();
            assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aProviderHasAPrivateRevocableCalendarFeedWithInitialsOnly() throws Exception {
        Caller admin = staff.as(Role.ADMIN);
        PatientId patient = fixture.patient(Language.EN, email("feed"));
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 15, 0));
        MvcTestResult issued = mvc.post()
                .uri("/api/v1/providers/" + fixture.provider.value() + "/calendar-feed")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(issued).hasStatus(201);
        Matcher urlIn = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(issued.getResponse().getContentAsString());
        assertThat(urlIn.find()).isTrue();
        String url = urlIn.group(1);
        assertThat(url).startsWith("http://tenhal.test/p/calendar/").endsWith(".ics");
        String path = url.substring("http://tenhal.test".length());
        String token = path.substring("/p/calendar/".length(), path.length() - ".ics".length());
        // only the token's hash is kept
        assertThat(jdbc.sql("select count(*) from provider_calendar_feed where token_hash = :h")
                        .param("h", SecretTokens.sha256(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        MvcTestResult feed = mvc.get().uri(path).exchange();
        String text = feed.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Noura").doesNotContain("نورة");
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.ByteArrayInputStream(feed.getResponse().getContentAsByteArray()));
        var event = calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID")
                        .orElseThrow()
                        .getValue()
                        .equals(booked.id().value() + "@tenhal"))
                .findFirst()
                .orElseThrow();
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).startsWith("N. ");
        assertThat(Duration.between(icsTime(event, "DTSTART"), icsTime(event, "DTEND")))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(event.getProperty("ORGANIZER")).isPresent();

        // moved: the same UID at the new time, so that subscribed calendars move the event
        scheduling.reschedule(booked.id(), at(sunday(1), 14, 0), null, null, "clinic asked", null);
        var moved = feedEvent(path, booked);
        assertThat(icsTime(moved, "DTSTART")).isEqualTo(at(sunday(1), 14, 0));

        // a cancellation stays in the feed as cancelled (same UID), so that subscribed calendars drop it
        scheduling.cancel(booked.id(), "provider ill");
        String after = mvc.get().uri(path).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("STATUS:CANCELLED");
        assertThat(feedEvent(path, booked).getProperty("STATUS").orElseThrow().getValue())
                .isEqualTo("CANCELLED");

        // read-only: nothing but GET; revoked: gone at once
        assertThat(mvc.post().uri(path).with(csrf())).hasStatus4xxClientError();
        assertThat(mvc.delete()
                        .uri("/api/v1/providers/" + fixture.provider.value() + "/calendar-feed")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatus(204);
        assertThat(mvc.get().uri(path)).hasStatus(404);

        // another provider may not make this provider's feed
        assertThat(mvc.post()
                        .uri("/api/v1/providers/" + fixture.provider.value() + "/calendar-feed")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.PROVIDER).bearer()))
                .hasStatus(403);
    }

    @Test
    void aDeclineIsNotToldAsACancellationByTheClinic() throws Exception {
        String address = email("nocc");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 14, 0));
        sent(booked);
        String token = linkIn(address, "Please confirm");
        mvc.post()
                .uri("/p/confirm/" + token + "/decline")
                .param("reason", "fever")
                .with(csrf())
                .exchange();
        await().until(() -> received(address, "is cancelled"), m -> m != null);
        assertThat(messages(patient, "appointment-cancelled-by-clinic", "EMAIL"))
                .isZero();
        assertThat(Bodies.text(page(token))).contains("This appointment was cancelled at your request.");
    }

    @Test
    void messagesAboutAChildGreetTheGuardianAndNameTheChild() throws Exception {
        String en = email("guardian-en");
        PatientId layan = fixture.child(Language.EN, en);
        AppointmentDetails booked = fixture.book(layan, at(sunday(1), 9, 0));
        sent(booked);
        String token = linkIn(en, "Please confirm");
        assertThat(token).isNotBlank();
        scheduling.cancel(booked.id(), "provider ill");
        MimeMessage told = await().until(() -> received(en, "is cancelled by the clinic"), m -> m != null);
        assertThat(text(told))
                .contains("Hello Saad Al-Qahtani")
                .contains("had to cancel Layan's appointment")
                .doesNotContain("Hello Layan");

        String ar = email("guardian-ar");
        PatientId child = fixture.child(Language.AR, ar);
        AppointmentDetails second = fixture.book(child, at(sunday(1), 9, 45));
        sent(second);
        scheduling.reschedule(second.id(), at(sunday(1), 15, 0), null, null, "provider late", null);
        MimeMessage moved = await().until(() -> received(ar, "تم نقل موعد ليان"), m -> m != null);
        assertThat(text(moved))
                .contains("أهلًا Saad Al-Qahtani")
                .contains("لم يعد موعد ليان")
                .doesNotContain("أهلًا ليان");
        // the text goes to the guardian's phone
        assertThat(fixture.mobile(child)).isNotNull();
    }

    @Test
    void unconfirmedAppointmentsGetADailyReminderAtMostThreeAndOldRequestsExpire() {
        PatientId patient = fixture.patient(Language.EN, email("remind"));
        Instant start = at(sunday(1), 14, 0);
        AppointmentDetails booked = fixture.book(patient, start);
        ConfirmationDetails request = sent(booked);
        // the pending list sees it within its days
        long days = Duration.between(Instant.now(), start).toDays() + 1;
        assertThat(confirmations.pending((int) days))
                .extracting(ConfirmationDetails::id)
                .contains(request.id());
        assertThat(confirmations.pending(0)).extracting(ConfirmationDetails::id).doesNotContain(request.id());

        // a week later the request has expired (the midnight job)
        clock.set(request.expiresAt().plusSeconds(60));
        confirmations.expireOld();
        ConfirmationDetails expired = confirmations.current(booked.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(ConfirmationStatus.EXPIRED);
        assertThat(expired.endedBecause()).isEqualTo("EXPIRED");
        assertThat(audited(request.id(), "EXPIRE")).isEqualTo(1);

        // three days, two days and one day before, at 09:00: a reminder each (the first renews the request)
        for (int daysBefore = 3; daysBefore >= 1; daysBefore--) {
            clock.set(at(sunday(1).minusDays(daysBefore), 9, 0));
            confirmations.remindUnconfirmed();
            confirmations.remindUnconfirmed(); // a second run the same day sends nothing
            ConfirmationDetails now = confirmations.current(booked.id()).orElseThrow();
            assertThat(now.valid()).isTrue();
            assertThat(now.reminderCount()).isEqualTo(4 - daysBefore);
            // the reminder's time is when its message left (the clock stands still meanwhile)
            await().untilAsserted(() -> assertThat(
                            confirmations.current(booked.id()).orElseThrow().lastReminderAt())
                    .as(() -> "the patient's messages: " + messageLog(patient))
                    .isEqualTo(clock.instant()));
        }
        // the day itself: no fourth
        clock.set(at(sunday(1), 9, 0));
        confirmations.remindUnconfirmed();
        assertThat(confirmations.current(booked.id()).orElseThrow().reminderCount())
                .isEqualTo(3);
        await().until(() -> messages(patient, "appointment-confirmation-reminder", "EMAIL"), n -> n == 3);
        assertThat(messages(patient, "appointment-confirmation-reminder", "SMS"))
                .isEqualTo(3);

        // the link never outlives the start
        clock.set(start);
        assertThat(confirmations.current(booked.id()).orElseThrow().valid()).isFalse();
    }

    @Test
    void requestsFollowTheSurvivorOfAPatientMerge() {
        PatientId duplicate = fixture.patient(Language.EN, email("dup"));
        AppointmentDetails booked = fixture.book(duplicate, at(sunday(1), 8, 0));
        sent(booked);
        PatientId survivor = fixture.patient(Language.EN, email("survivor"));
        patients.merge(survivor, duplicate);
        await().until(() -> confirmations.current(booked.id()).orElseThrow().patientId(), p -> p.equals(survivor));
    }

    MvcTestResult staffConfirms(Caller caller, AppointmentId id, String method) {
        return mvc.post()
                .uri("/api/v1/appointments/" + id + "/confirmation")
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"method\":\"" + method + "\"}")
                .exchange();
    }

    @Test
    void staffRecordPhoneAndInPersonConfirmations() {
        PatientId patient = fixture.patient(Language.EN, email("phone"));
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 15, 0));
        ConfirmationDetails request = sent(booked);
        Caller reception = staff.as(Role.RECEPTIONIST);

        assertThat(staffConfirms(staff.as(Role.FINANCE), booked.id(), "PHONE")).hasStatus(403);
        assertThat(staffConfirms(reception, booked.id(), "LINK"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.type")
                .asString()
                .contains("invalid");
        assertThat(staffConfirms(reception, booked.id(), "PHONE"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("CONFIRMED");
                    assertThat(json).extractingPath("$.method").isEqualTo("PHONE");
                    assertThat(json)
                            .extractingPath("$.confirmedBy")
                            .isEqualTo(reception.id().toString());
                });
        assertThat(appointment(booked).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(appointment(booked).confirmationMethod()).isEqualTo(ConfirmationMethod.PHONE);
        assertThat(audited(request.id(), "CONFIRM")).isEqualTo(1);
        assertThat(staffConfirms(reception, booked.id(), "IN_PERSON")).hasStatus(409);
        assertThat(mvc.get()
                        .uri("/api/v1/appointments/" + booked.id() + "/confirmation")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CONFIRMED");
        assertThat(mvc.get()
                        .uri("/api/v1/appointments/" + UUID.randomUUID() + "/confirmation")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(404);
    }

    @Test
    void staffSendAReminderOnDemandAtMostThree() {
        PatientId patient = fixture.patient(Language.EN, email("resend"));
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 10, 30));
        sent(booked);
        Caller reception = staff.as(Role.RECEPTIONIST);
        String uri = "/api/v1/appointments/" + booked.id() + "/confirmation/reminders";
        assertThat(mvc.post()
                        .uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, staff.as(Role.NURSE).bearer()))
                .hasStatus(403);
        for (int i = 1; i <= 3; i++) {
            assertThat(mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.reminderCount")
                    .isEqualTo(i);
        }
        assertThat(mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:too-many-reminders");
        await().until(() -> messages(patient, "appointment-confirmation-reminder", "EMAIL"), n -> n == 3);
        assertThat(mvc.get()
                        .uri("/api/v1/confirmations/pending?days=30")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyText()
                .contains(booked.id().toString());
        // the API is described
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyText()
                .contains("/api/v1/appointments/{id}/confirmation")
                .contains("/api/v1/confirmations/kpi")
                .contains("/api/v1/confirmations/pending");
    }

    @Test
    void theKpiIsTheShareConfirmedBeforeTheDay() {
        LocalDate day = sunday(2);
        AppointmentDetails a = fixture.book(fixture.patient(Language.EN, email("kpi")), at(day, 8, 0));
        AppointmentDetails b = fixture.book(fixture.patient(Language.EN, email("kpi")), at(day, 9, 0));
        AppointmentDetails c = fixture.book(fixture.patient(Language.EN, email("kpi")), at(day, 10, 0));
        sent(a);
        sent(b);
        sent(c);
        Caller reception = staff.as(Role.RECEPTIONIST);
        assertThat(staffConfirms(reception, a.id(), "IN_PERSON")).hasStatusOk();
        ConfirmationDetails toDecline = confirmations.current(c.id()).orElseThrow();
        String token = confirmations.mintLink(toDecline.id()).replaceAll(".*/", "");
        confirmations.decline(token, "sick", null, null);

        Caller manager = staff.as(Role.MANAGER);
        String uri = "/api/v1/confirmations/kpi?from=" + day + "&to=" + day + "&clinicId=" + fixture.clinic.value();
        assertThat(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.appointments").isEqualTo(2);
                    assertThat(json).extractingPath("$.confirmedBeforeDay").isEqualTo(1);
                    assertThat(json).extractingPath("$.share").isEqualTo(0.5);
                    assertThat(json).extractingPath("$.declined").isEqualTo(1);
                    assertThat(json).extractingPath("$.byMethod.IN_PERSON").isEqualTo(1);
                });
        assertThat(mvc.get()
                        .uri("/api/v1/confirmations/kpi?from=" + day + "&to=" + day + "&providerId="
                                + fixture.provider.value())
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .bodyJson()
                .extractingPath("$.appointments")
                .isEqualTo(2);
        assertThat(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/api/v1/confirmations/kpi?from=" + day + "&to=" + day.minusDays(1))
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .hasStatus(422);
    }

    static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("twilio-auth-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    MvcTestResult reply(String from, String body) throws Exception {
        Map<String, String> params = Map.of(
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From",
                from,
                "To",
                "+15550001111",
                "Body",
                body);
        var request = mvc.post()
                .uri("/webhooks/twilio/inbound")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", twilioSignature("http://tenhal.test/webhooks/twilio/inbound", params));
        for (var p : params.entrySet()) {
            request = request.param(p.getKey(), p.getValue());
        }
        return request.exchange();
    }

    List<String> replies(String mobile) {
        return jdbc.sql("select body from notification_message where kind = 'appointment-confirmation-reply'"
                        + " and address = :m order by created_at")
                .param("m", mobile)
                .query(String.class)
                .list();
    }

    @Test
    void aTextReplyConfirmsTheSoonestPendingAppointmentAndSaysWhich() throws Exception {
        PatientId patient = fixture.patient(Language.EN, email("reply"));
        String mobile = fixture.mobile(patient);
        AppointmentDetails soon = fixture.book(patient, at(sunday(1), 9, 0));
        AppointmentDetails later = fixture.book(patient, at(sunday(2), 9, 0));
        sent(soon);
        sent(later);

        assertThat(reply(mobile, "what is this?")).hasStatusOk();
        await().until(() -> replies(mobile), r -> r.size() == 1);
        assertThat(replies(mobile).get(0)).contains("reply 1 to confirm or 2 to cancel");

        assertThat(reply(mobile, "Yes")).hasStatusOk();
        await().until(() -> appointment(soon).status(), s -> s == AppointmentStatus.CONFIRMED);
        assertThat(appointment(soon).confirmationMethod()).isEqualTo(ConfirmationMethod.SMS);
        assertThat(appointment(later).status()).isEqualTo(AppointmentStatus.BOOKED);
        await().until(() -> replies(mobile), r -> r.size() == 2);
        assertThat(replies(mobile).get(1))
                .contains("is confirmed")
                .contains("09:00")
                .contains("You have 1 more appointment(s) to confirm");

        assertThat(reply(mobile, "2")).hasStatusOk();
        await().until(() -> appointment(later).status(), s -> s == AppointmentStatus.CANCELLED);
        assertThat(appointment(later).cancelReason()).isEqualTo("declined by patient: replied 2 by SMS");
        await().until(() -> replies(mobile), r -> r.size() == 3);
        assertThat(replies(mobile).get(2)).contains("is cancelled as you asked");

        assertThat(reply(mobile, "نعم")).hasStatusOk();
        await().until(() -> replies(mobile), r -> r.size() == 4);
        assertThat(replies(mobile).get(3)).contains("no appointment waiting for confirmation");
        // the answers went out through Twilio, to the number that wrote
        await().until(
                        () -> Stubs.TWILIO
                                .countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                                urlEqualTo("/2010-04-01/Accounts/ACtest/Messages.json"))
                                        .withFormParam(
                                                "To", com.github.tomakehurst.wiremock.client.WireMock.equalTo(mobile))
                                        .withFormParam(
                                                "Body",
                                                com.github.tomakehurst.wiremock.client.WireMock.containing(
                                                        "is confirmed"))
                                        .build())
                                .getCount(),
                        n -> n == 1);
    }

    @Test
    void aReplyWithoutAValidSignatureIsRefused() throws Exception {
        var result = mvc.post()
                .uri("/webhooks/twilio/inbound")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("MessageSid", "SMforged")
                .param("From", "+966501112233")
                .param("Body", "1")
                .header("X-Twilio-Signature", "forged")
                .exchange();
        assertThat(result).hasStatus(403);
    }
}
