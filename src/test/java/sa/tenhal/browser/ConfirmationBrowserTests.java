package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.at;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.email;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.sunday;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TestConfig;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.confirmation.ConfirmationDetails;
import sa.tenhal.appointments.confirmation.ConfirmationFixture;
import sa.tenhal.appointments.confirmation.ConfirmationStatus;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.background.Stubs;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/**
 * A patient opens the link from the email that GreenMail received, on a phone-sized Chromium: the page in their
 * language (Arabic right to left, English by the switch), Confirm and Decline, the used and expired pages. The
 * application sends real email here (GreenMail) and runs its jobs, on a database of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tenhal.base-url=http://tenhal.test",
            "tenhal.notifications.smtp.host=127.0.0.1",
            "tenhal.notifications.smtp.starttls=false",
            "db-scheduler.polling-interval=1s",
            "tenhal.jobs.execute=true"
        })
@Import(TestConfig.class)
class ConfirmationBrowserTests extends BrowserTest {

    static final Pattern LINK = Pattern.compile("http://tenhal\\.test(/p/confirm/([0-9a-f]{64})\\?lang=(?:ar|en))");

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tenhal-confirmation-browser");
        registry.add("tenhal.database.embedded.data-directory", () -> dir.resolve("postgres")
                .toString());
        registry.add("tenhal.notifications.smtp.port", Stubs::smtpPort);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Confirmations confirmations;

    @Autowired
    MutableClock clock;

    ConfirmationFixture fixture;

    @BeforeEach
    void centre() {
        fixture = ConfirmationFixture.everyChannelIn(context);
        browser().resize(PHONE);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    record Link(String path, String token) {}

    /** The link in the email with this subject that the patient received. */
    static Link linkFromEmail(String address, String subjectPart) throws Exception {
        MimeMessage mail = await().until(() -> received(address, subjectPart), m -> m != null);
        Matcher m = LINK.matcher(text(mail));
        assertThat(m.find()).as("a confirmation link in the email").isTrue();
        return new Link(m.group(1), m.group(2));
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

    String dir() {
        return browser().attribute(By.tagName("html"), "dir");
    }

    @Test
    void theEmailedLinkOpensInArabicSwitchesToEnglishAndConfirms() throws Exception {
        String address = email("browser-ar");
        PatientId patient = fixture.patient(Language.AR, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 9, 30));
        Link link = linkFromEmail(address, "نرجو تأكيد موعدك");

        Browser browser = browser().open(link.path());
        assertThat(dir()).isEqualTo("rtl");
        assertThat(browser.text())
                .contains("أهلًا نورة")
                .contains("هل ستحضر هذا الموعد؟")
                .contains("عيادة النطق")
                .contains("09:30")
                .contains("King Fahd Road")
                .doesNotContain("Stuttering")
                .doesNotContain("التأتأة");
        browser.screenshot("confirmation-1-ar-request");
        // opening the link (a GET) changed nothing
        assertThat(scheduling.get(booked.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(confirmations.byToken(link.token()).orElseThrow().status()).isEqualTo(ConfirmationStatus.PENDING);

        browser.press("English");
        browser.waitForText("Will you come to this appointment?");
        assertThat(dir()).isEqualTo("ltr");
        assertThat(browser.text())
                .contains("Hello Noura")
                .contains("Speech clinic")
                .contains("09:30");
        browser.screenshot("confirmation-2-en-request");

        browser.press("Yes, I will come");
        browser.waitForText("Thank you: your appointment is confirmed.");
        assertThat(scheduling.get(booked.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(scheduling.get(booked.id()).confirmationMethod()).isEqualTo(ConfirmationMethod.LINK);
        assertThat(browser.findAll(By.linkText("Add to calendar"))).hasSize(1);
        browser.screenshot("confirmation-3-en-confirmed");

        browser.open(link.path().replace("?lang=ar", "?lang=en"));
        browser.waitForText("This appointment is already confirmed.");
        assertThat(browser.findAll(By.xpath("//button[normalize-space(.)='Yes, I will come']")))
                .isEmpty();
        browser.screenshot("confirmation-4-en-already-confirmed");

        browser.open(link.path());
        browser.waitForText("هذا الموعد مؤكَّد من قبل.");
        assertThat(dir()).isEqualTo("rtl");
        browser.screenshot("confirmation-5-ar-already-confirmed");
    }

    @Test
    void declineCancelsTheAppointmentAndTheCancellationEmailArrives() throws Exception {
        String address = email("browser-en");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 11, 0));
        Link link = linkFromEmail(address, "Please confirm your appointment");

        Browser browser = browser().open(link.path());
        assertThat(dir()).isEqualTo("ltr");
        browser.type("Can't come? Tell us why (optional)", "My son has a fever");
        browser.screenshot("confirmation-6-en-decline");
        browser.press("Cancel the appointment");
        browser.waitForText("Your appointment is cancelled.");
        browser.screenshot("confirmation-7-en-declined");

        AppointmentDetails cancelled = scheduling.get(booked.id());
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("declined by patient: My son has a fever");
        MimeMessage cancellation = await().until(() -> received(address, "is cancelled"), m -> m != null);
        assertThat(text(cancellation)).contains("is cancelled").contains("Speech clinic");
    }

    @Test
    void expiredAndUnknownLinksShowTheirPagesWithTheClinicsPhone() throws Exception {
        String address = email("browser-old");
        PatientId patient = fixture.patient(Language.EN, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(1), 13, 0));
        Link link = linkFromEmail(address, "Please confirm your appointment");
        ConfirmationDetails request = confirmations.byToken(link.token()).orElseThrow();

        clock.set(request.expiresAt().plusSeconds(60));
        confirmations.expireOld();
        Browser browser = browser().open(link.path());
        browser.waitForText("This link has expired.");
        assertThat(browser.text()).contains("+966112345678");
        assertThat(browser.findAll(By.tagName("form"))).isEmpty();
        browser.screenshot("confirmation-8-en-expired");
        assertThat(scheduling.get(booked.id()).status()).isEqualTo(AppointmentStatus.BOOKED);

        browser.open("/p/confirm/" + "0".repeat(64) + "?lang=ar");
        browser.waitForText("هذا الرابط لا يعمل");
        assertThat(dir()).isEqualTo("rtl");
        browser.screenshot("confirmation-9-ar-unknown");
    }

    // --- issue 19: what the patient reads after a change, at phone width, in Arabic and in English ---

    static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    String requestSubject(Language language) {
        return language == Language.AR ? "نرجو تأكيد موعدك" : "Please confirm your appointment";
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = Language.class,
            names = {"AR", "EN"})
    void aPatientToldOfAClinicCancellationReadsWhatHappenedOnTheOldLink(Language language) throws Exception {
        boolean ar = language == Language.AR;
        String address = email("browser-cancelled-" + language.name().toLowerCase());
        PatientId patient = fixture.patient(language, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 9, 0));
        Link link = linkFromEmail(address, requestSubject(language));

        scheduling.cancel(booked.id(), "provider ill");
        // the patient is told, with the clinic's phone and the link
        MimeMessage told = await().until(
                        () -> received(address, ar ? "ألغت العيادة" : "is cancelled by the clinic"), m -> m != null);
        assertThat(text(told)).contains("+966112345678").contains("/p/confirm/");

        Browser browser = browser().open(link.path());
        browser.waitForText(ar ? "ألغت العيادة هذا الموعد يوم" : "This appointment was cancelled by the clinic on");
        assertThat(dir()).isEqualTo(ar ? "rtl" : "ltr");
        assertThat(browser.text())
                .contains(ar ? "نرجو ألّا تحضر في الموعد السابق" : "Please do not come at the old time")
                .contains("09:00")
                .contains("+966112345678")
                .doesNotContain(ar ? "انتهت صلاحية هذا الرابط" : "This link has expired");
        assertThat(browser.findAll(By.tagName("form"))).isEmpty();
        browser.screenshot("patient-changes-" + language + "-1-cancelled-by-clinic");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = Language.class,
            names = {"AR", "EN"})
    void aPatientMovesTheVisitFromTheLinkAndTheDeskShowsTheNewTime(Language language) throws Exception {
        boolean ar = language == Language.AR;
        String address = email("browser-move-" + language.name().toLowerCase());
        PatientId patient = fixture.patient(language, address);
        AppointmentDetails booked = fixture.book(patient, at(sunday(2), 10, 0));
        Link link = linkFromEmail(address, requestSubject(language));

        Browser browser = browser().open(link.path());
        browser.waitForText(ar ? "وقت آخر؟" : "Another time?");
        browser.screenshot("patient-changes-" + language + "-2-move-choices");
        // the page offers times of the same provider; the patient takes the third
        var choices = browser.findAll(By.cssSelector("#move input[name=startsAt]"));
        assertThat(choices).hasSizeGreaterThan(2);
        var choice = choices.get(2);
        java.time.Instant to = java.time.Instant.parse(choice.getDomAttribute("value"));
        choice.click();
        browser.press(ar ? "انقل موعدي" : "Move my appointment");
        browser.waitForText(ar ? "تم: موعدك الآن في" : "Done: your appointment is now on");
        String newTime = HH_MM.format(to.atZone(ConfirmationFixture.RIYADH));
        assertThat(browser.text()).contains(newTime);
        browser.screenshot("patient-changes-" + language + "-3-moved");
        assertThat(scheduling.get(booked.id()).startsAt()).isEqualTo(to);

        // the desk shows the visit at its new time
        browser.signIn(staff.as(sa.tenhal.identity.Role.RECEPTIONIST), ar ? "ar" : "en");
        try {
            browser.open("/desk?date=" + to.atZone(ConfirmationFixture.RIYADH).toLocalDate());
            String name = ar ? "نورة" : "Noura";
            browser.waitFor(() -> !browser.findAll(
                            By.xpath("//tr[contains(., '" + newTime + "–') and contains(., '" + name + "')]"))
                    .isEmpty());
            browser.scrollTo(
                    browser.find(By.xpath("//tr[contains(., '" + newTime + "–') and contains(., '" + name + "')]")));
            browser.screenshot("patient-changes-" + language + "-4-desk-new-time");
        } finally {
            browser.signOut();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = Language.class,
            names = {"AR", "EN"})
    void aDeclinedVisitIsOnTheDesksToRebookListWithTheReason(Language language) throws Exception {
        boolean ar = language == Language.AR;
        String address = email("browser-rebook-" + language.name().toLowerCase());
        PatientId patient = fixture.patient(language, address);
        fixture.book(patient, at(sunday(2), 13, 0));
        Link link = linkFromEmail(address, requestSubject(language));
        String reason = (ar ? "ابني مصاب بالحمى، أعطونا موعدًا آخر " : "My son has a fever, another time please ")
                + System.nanoTime() % 10_000;

        Browser browser = browser().open(link.path());
        browser.type(ar ? "لا تستطيع الحضور؟ أخبرنا بالسبب (اختياري)" : "Can't come? Tell us why (optional)", reason);
        browser.press(ar ? "إلغاء الموعد" : "Cancel the appointment");
        browser.waitForText(ar ? "تم إلغاء موعدك." : "Your appointment is cancelled.");

        browser.signIn(staff.as(sa.tenhal.identity.Role.RECEPTIONIST), ar ? "ar" : "en");
        try {
            browser.open("/desk/rebook");
            browser.waitForText(reason);
            assertThat(browser.find(By.xpath("//tr[contains(., '" + reason + "')]"))
                            .getText())
                    .contains(ar ? "اعتذر المراجع" : "Declined by the patient");
            browser.scrollTo(browser.find(By.xpath("//tr[contains(., '" + reason + "')]")));
            browser.screenshot("patient-changes-" + language + "-5-to-rebook");
        } finally {
            browser.signOut();
        }
    }
}
