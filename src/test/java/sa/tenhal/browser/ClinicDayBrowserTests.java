package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.Unique;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/**
 * A clinic day in the browser, as each role lives it, in Arabic and in English: reception registers a new patient,
 * books them into a free slot and checks them in; the therapist starts and completes the visit; finance issues the
 * invoice, takes the payment and has the receipt to print; the manager's dashboard counts the booking.
 */
class ClinicDayBrowserTests extends BrowserTest {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    Schedules schedules;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void aClinicDay(String language) {
        boolean ar = language.equals("ar");
        // A clinic of its own whose therapist works Sunday mornings; the day is a Sunday some weeks ahead.
        String centre = Unique.code("BD");
        catalog.createCentre(new CentreForm(
                centre,
                "Day Centre",
                "مركز اليوم",
                "310122393500003",
                "1010101010",
                null,
                null,
                null,
                null,
                null,
                null));
        ClinicDetails clinic = catalog.createClinic(new ClinicForm(
                centre,
                "OT",
                "Occupational Therapy " + centre,
                "العلاج الوظيفي " + centre,
                Discipline.OCCUPATIONAL_THERAPY,
                null));
        String serviceEn = "Journey session " + centre;
        String serviceAr = "جلسة الرحلة " + centre;
        catalog.createService(new ServiceForm(
                clinic.id().value(),
                "OT-J",
                serviceEn,
                serviceAr,
                45,
                15,
                new BigDecimal("300.00"),
                VatCategory.STANDARD,
                null));
        Caller therapist = staff.as(Role.PROVIDER);
        ProviderDetails provider = catalog.createProvider(new ProviderForm(
                therapist.id().value(),
                "Reem " + centre,
                "ريم " + centre,
                "OT-" + centre,
                "OT",
                Set.of(clinic.id().value())));
        schedules.addWorkingHours(
                provider.id(),
                new Schedules.WeeklySchedule(
                        clinic.id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        Set.of(),
                        List.of(new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)))));
        LocalDate sunday = LocalDate.now(RIYADH).plusWeeks(ar ? 9 : 10).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        clock.set(sunday.atTime(7, 30).atZone(RIYADH).toInstant());

        // Reception registers the new patient…
        Browser browser = browser().signIn(staff.as(Role.RECEPTIONIST), language);
        browser.open("/patients/new");
        // A name and birth date no other test shares: a lookalike would (rightly) stop the registration for a check.
        String family = Browser.randomName();
        var form = TestPatientForms.adult();
        browser.type(ar ? "الاسم الأول (بالإنجليزية)" : "Given name (English)", "Maha")
                .type(ar ? "اسم العائلة (بالإنجليزية)" : "Family name (English)", family)
                .choose(ar ? "الجنس" : "Sex", ar ? "أنثى" : "Female")
                .type(ar ? "الرقم" : "Number", form.identityDocument().number())
                .type(ar ? "الجوال" : "Mobile", form.mobile());
        browser.field(ar ? "تاريخ الميلاد" : "Birth date")
                .sendKeys("05%02d%d".formatted(ThreadLocalRandom.current().nextInt(1, 29), ar ? 1992 : 1993));
        browser.press(ar ? "تسجيل" : "Register");
        browser.waitForText(ar ? "تم تسجيل المريض." : "The patient is registered.");
        String patientPath = browser.path();

        // …books her into the first free time of the Sunday…
        browser.press(ar ? "احجز موعداً" : "Book an appointment");
        browser.choose(ar ? "الخدمة" : "Service", (ar ? serviceAr : serviceEn) + " · 45 " + (ar ? "دقيقة" : "min"));
        browser.waitFor(() -> !browser.findAll(By.id("provider")).isEmpty());
        browser.press(ar ? "ابحث عن الأوقات المتاحة" : "Find free times");
        browser.waitFor(() ->
                !browser.findAll(By.cssSelector("#slots button[value=book]")).isEmpty());
        browser.screenshot("clinic-day-" + language + "-1-free-times");
        browser.find(By.cssSelector("#slots button[value=book]")).click();
        browser.waitForText(ar ? "تم حجز الموعد." : "The appointment is booked.");
        assertThat(browser.path()).startsWith(patientPath);
        browser.screenshot("clinic-day-" + language + "-2-booked");

        // …and, when she comes, checks her in.
        clock.set(sunday.atTime(7, 55).atZone(RIYADH).toInstant());
        browser.open("/desk");
        browser.find(By.xpath(
                        "//tr[contains(., '" + family + "')]//button[@type='submit' and contains(@class, 'primary')]"))
                .click();
        browser.waitForText(ar ? "سُجّل الحضور." : "Checked in.");
        assertThat(browser.text()).contains(ar ? "في الانتظار الآن" : "Waiting now");
        browser.screenshot("clinic-day-" + language + "-3-checked-in");

        // The therapist starts and completes the visit.
        clock.set(sunday.atTime(8, 0).atZone(RIYADH).toInstant());
        browser.signOut();
        browser.signIn(therapist, language);
        browser.open("/my-day");
        browser.press(ar ? "ابدأ" : "Start");
        browser.waitForText(ar ? "بدأت الزيارة." : "The visit has started.");
        clock.set(sunday.atTime(8, 45).atZone(RIYADH).toInstant());
        browser.press(ar ? "أنهِ" : "Complete");
        browser.waitForText(ar ? "اكتملت الزيارة." : "The visit is complete.");
        browser.screenshot("clinic-day-" + language + "-4-completed");

        // Finance: the visit's invoice (drafted when the visit completed) is issued and paid; the receipt is ready.
        var patientId = java.util.UUID.fromString(
                patientPath.substring("/patients/".length()).replaceAll("[#?].*", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> !invoicing
                .list(patientId, null, null, PageRequest.of(0, 5))
                .isEmpty());
        browser.signOut();
        browser.signIn(staff.as(Role.FINANCE), language);
        browser.open("/finance?patient=" + patientId);
        browser.press(ar ? "(مسودة)" : "(draft)");
        browser.press(ar ? "إصدار" : "Issue");
        browser.waitForText(ar ? "صدرت الفاتورة" : "The invoice is issued");
        browser.press(ar ? "استلام" : "Receive");
        browser.waitForText(ar ? "سُجّلت الدفعة." : "The payment is recorded.");
        assertThat(browser.find(By.partialLinkText(ar ? "اطبع الإيصال" : "Print the receipt"))
                        .getDomAttribute("href"))
                .contains("/receipt");
        browser.screenshot("clinic-day-" + language + "-5-paid");

        // The manager's dashboard counts the day's booking.
        browser.signOut();
        browser.signIn(staff.as(Role.MANAGER), language);
        browser.open("/dashboard?from=" + sunday + "&to=" + sunday + "&clinic="
                + clinic.id().value());
        browser.waitFor(() -> "true".equals(browser.attribute(By.id("dashboard"), "data-loaded")));
        assertThat(browser.find(By.id("n-appointments")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("n-completed")).getText()).isEqualTo("1");
        browser.screenshot("clinic-day-" + language + "-6-dashboard");
    }
}
