package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import sa.tenhal.MutableClock;
import sa.tenhal.visits.VisitFixture;

/**
 * The visit record in the browser, in Arabic and in English: the therapist opens the visit from "My day", writes the
 * session note from its template and signs it; the nurse records the child's vitals, and a temperature out of range
 * comes back beside its field. Screenshots of each step are kept under {@code target/screenshots}.
 */
class VisitRecordBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    sa.tenhal.visits.NoteTemplates templates;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "en"})
    void aTherapistSignsASessionNoteAndANurseRecordsVitals(String language) {
        boolean ar = language.equals("ar");
        VisitFixture fixture = VisitFixture.in(context);
        VisitFixture.speechTemplateAsShipped(templates);
        var child = fixture.child();
        var appointment = fixture.started(child);
        UUID visit = fixture.visitOf(appointment);
        // the day of the visit, half an hour in
        clock.set(appointment.startsAt().plus(Duration.ofMinutes(30)));

        Browser b = browser();
        b.signIn(fixture.centre.speechTherapist(), language);
        b.open("/my-day?lang=" + language);
        b.waitForText(ar ? "ملاحظات بانتظار التوقيع" : "Notes to sign");
        b.screenshot("visit-" + language + "-1-my-day");
        b.find(By.cssSelector("button.open-visit")).click();
        b.waitFor(() -> b.path().equals("/visits/" + visit));
        assertThat(b.text()).contains(ar ? "ملاحظة جلسة" : "Session note");

        // the template's goals are there; the therapist writes the progress, the activities and the home programme
        assertThat(b.find(By.id("goal0")).getDomProperty("value")).isEqualTo("Articulation");
        b.find(By.id("progress0")).sendKeys("8/10 /s/");
        b.type(ar ? "الأنشطة" : "Activities", ar ? "بطاقات مصورة" : "Picture cards");
        b.type(ar ? "البرنامج المنزلي" : "Home programme", ar ? "خمس دقائق يوميًا" : "Five minutes a day");
        b.screenshot("visit-" + language + "-2-note");
        b.find(By.id("sign-note")).click();
        b.waitForText(ar ? "وُقِّعت الملاحظة وأصبحت مقفلة." : "Note signed: it is locked now.");
        assertThat(b.findAll(By.id("note-form"))).isEmpty();
        assertThat(b.text()).contains("8/10 /s/");
        b.screenshot("visit-" + language + "-3-signed");

        // the nurse records vitals; a temperature out of range is refused beside its field
        b.signOut();
        b.signIn(fixture.nurse, language);
        b.open("/visits/" + visit + "?lang=" + language);
        b.find(By.id("weightKg")).sendKeys("14.2");
        b.find(By.id("heightCm")).sendKeys("95.5");
        b.find(By.id("temperatureC")).sendKeys("48");
        b.find(By.id("record-vitals")).click();
        b.waitFor(() -> b.find(By.id("temperatureC")).getDomAttribute("class") != null
                && b.find(By.id("temperatureC")).getDomAttribute("class").contains("invalid"));
        assertThat(b.text()).contains("must be between 30 and 45 °C");
        b.screenshot("visit-" + language + "-4-vitals-refused");
        b.find(By.id("temperatureC")).clear();
        b.find(By.id("temperatureC")).sendKeys("36.9");
        b.find(By.id("record-vitals")).click();
        b.waitForText(ar ? "سُجِّلت العلامات الحيوية." : "Vitals recorded.");
        assertThat(b.find(By.id("vitals-table")).getText()).contains("14.2", "95.5", "36.9");
        b.screenshot("visit-" + language + "-5-vitals");

        // the child's profile shows the visit, and the growth chart
        b.open("/patients/" + child.id().value() + "?lang=" + language + "#clinical-record");
        b.waitForText(ar ? "السجل السريري" : "Clinical record");
        assertThat(b.findAll(By.cssSelector("#growth canvas"))).isNotEmpty();
        // weight is drawn over the five WHO percentile lines of the child's sex
        b.waitFor(() -> "5".equals(b.find(By.id("growth-weight")).getDomAttribute("data-percentile-lines")));
        b.screenshot("visit-" + language + "-6-profile");
    }
}
