package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.StaffFixtures;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.TestPatientForms;

/** A receptionist registers a new patient: mistakes shown beside the fields, then the profile. */
class RegistrationBrowserTests extends BrowserTest {

    @Autowired
    StaffFixtures staff;

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void aReceptionistRegistersANewPatient(String language) {
        boolean arabic = language.equals("ar");
        Browser browser = browser().signIn(staff.as(Role.RECEPTIONIST), language);
        browser.open("/patients/new");
        assertThat(browser.attribute(By.tagName("html"), "dir")).isEqualTo(arabic ? "rtl" : "ltr");

        // A name and birth date no other test shares: a lookalike would (rightly) stop the registration for a check.
        String family = Browser.randomName();
        browser.type(arabic ? "الاسم الأول (بالإنجليزية)" : "Given name (English)", "Noura")
                .type(arabic ? "اسم العائلة (بالإنجليزية)" : "Family name (English)", family)
                .type(arabic ? "الاسم الأول (بالعربية)" : "Given name (Arabic)", "نورة")
                .type(arabic ? "اسم العائلة (بالعربية)" : "Family name (Arabic)", "الشهري")
                .choose(arabic ? "الجنس" : "Sex", arabic ? "أنثى" : "Female")
                .type(
                        arabic ? "الرقم" : "Number",
                        TestPatientForms.adult().identityDocument().number())
                .type(arabic ? "الجوال" : "Mobile", "0112345678");
        // A birth date typed as a person would, in the date picker.
        browser.field(arabic ? "تاريخ الميلاد" : "Birth date")
                .sendKeys("03%02d%d".formatted(ThreadLocalRandom.current().nextInt(1, 29), arabic ? 1990 : 1991));
        browser.press(arabic ? "تسجيل" : "Register");

        // A landline is refused beside the mobile field, in the page's language; nothing typed is lost.
        browser.waitForText(arabic ? "بعض الحقول تحتاج إلى تصحيح" : "Some fields need your attention");
        assertThat(browser.text()).contains(arabic ? "يجب أن يكون رقم جوال" : "must be a mobile number");
        assertThat(browser.field(arabic ? "اسم العائلة (بالإنجليزية)" : "Family name (English)")
                        .getDomProperty("value"))
                .isEqualTo(family);
        browser.screenshot("registration-" + language + "-1-mistake");

        browser.type(arabic ? "الجوال" : "Mobile", TestPatientForms.adult().mobile());
        browser.press(arabic ? "تسجيل" : "Register");
        browser.waitForText(arabic ? "تم تسجيل المريض." : "The patient is registered.");
        assertThat(browser.path()).startsWith("/patients/");
        assertThat(browser.text()).contains(arabic ? "نورة الشهري" : "Noura " + family);
        browser.screenshot("registration-" + language + "-2-profile");

        // And she is found by name.
        browser.open("/patients?q=" + family);
        assertThat(browser.text()).contains("Noura " + family);
        browser.screenshot("registration-" + language + "-3-search");
    }
}
