package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.Unique;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/**
 * The reception desk with a full day (60 visits) in Arabic and in English (issue 20): a compact list with the number
 * to call and the actions in each row's menu; checking in keeps the day; screenshots under target/screenshots.
 */
class DeskDayBrowserTests extends BrowserTest {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    Schedules schedules;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void aFullDayAtTheDesk(String language) {
        boolean ar = language.equals("ar");
        String centre = Unique.code("FD");
        catalog.createCentre(new CentreForm(
                centre, "Full Day Centre", "مركز اليوم الكامل", null, null, null, null, null, null, null, null));
        ClinicDetails clinic = catalog.createClinic(
                new ClinicForm(centre, "SP", "Speech " + centre, "النطق " + centre, Discipline.SPEECH_LANGUAGE, null));
        ServiceDetails check = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SP-Q",
                "Quick check",
                "فحص سريع",
                15,
                0,
                new BigDecimal("50.00"),
                VatCategory.STANDARD,
                null));
        ProviderDetails provider = catalog.createProvider(new ProviderForm(
                staff.as(Role.PROVIDER).id().value(),
                "Reem Al-Shehri",
                "ريم الشهري",
                "SLP-" + centre,
                "SLP",
                Set.of(clinic.id().value())));
        schedules.addWorkingHours(
                provider.id(),
                new Schedules.WeeklySchedule(
                        clinic.id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(new Schedules.TimeRange(LocalTime.of(7, 0), LocalTime.of(22, 0)))));
        LocalDate day = LocalDate.now(RIYADH).plusWeeks(ar ? 11 : 12).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        clock.set(day.minusDays(1).atTime(9, 0).atZone(RIYADH).toInstant());
        String first = null;
        for (int i = 0; i < 60; i++) {
            PatientDetails p =
                    patients.register(i % 2 == 0 ? TestPatientForms.adult() : TestPatientForms.child(), true, "RYD");
            if (i == 0) {
                first = p.fullName(ar ? sa.tenhal.shared.Language.AR : sa.tenhal.shared.Language.EN);
            }
            scheduling.book(new Booking(
                    p.id(),
                    check.id(),
                    provider.id(),
                    null,
                    day.atTime(7, 0).plusMinutes(15L * i).atZone(RIYADH).toInstant(),
                    null,
                    null));
        }
        clock.set(day.atTime(6, 55).atZone(RIYADH).toInstant());

        Browser browser = browser().signIn(staff.as(Role.RECEPTIONIST), language);
        browser.open("/desk");
        assertThat(browser.findAll(By.cssSelector("table.desk-list tbody tr:not(.group)")))
                .hasSize(60);
        assertThat(browser.findAll(By.cssSelector("a.phone"))).hasSize(60);
        browser.screenshot("desk-full-day-" + language + "-1-list");

        // a row's menu opens over the list: confirm by phone, no-show, move, cancel
        WebElement menu = browser.find(By.cssSelector("table.desk-list details.menu"));
        menu.findElement(By.tagName("summary")).click();
        browser.waitFor(() -> menu.getDomAttribute("open") != null);
        assertThat(menu.getText()).contains(ar ? "أكّد هاتفياً" : "Confirmed by phone");
        browser.screenshot("desk-full-day-" + language + "-2-menu");

        // checking the first patient in keeps the desk on the day, with them waiting
        String name = first;
        browser.find(By.xpath("//tr[contains(., \"" + name + "\")]//button[contains(@class, 'primary')]"))
                .click();
        browser.waitForText(ar ? "سُجّل الحضور." : "Checked in.");
        assertThat(browser.path()).startsWith("/desk");
        assertThat(browser.text()).contains(ar ? "في الانتظار الآن" : "Waiting now");
        browser.screenshot("desk-full-day-" + language + "-3-checked-in");

        // the next day, viewed from today: no check-in offered, and the actions come back to that day
        browser.open("/desk?date=" + day.plusDays(1));
        assertThat(browser.text()).doesNotContain(ar ? "تسجيل الحضور" : "Check in");
    }
}
