package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import sa.tenhal.visits.VisitFixture;

/**
 * The loop closed in the browser with the demo's test lab: the therapist orders a potassium in the visit, the test lab
 * acknowledges it over MLLP and answers a moment later with a critical value through Tenhal's MLLP listener; the result
 * is on the child's profile, stands out, and the therapist marks it reviewed. Screenshots under
 * {@code target/screenshots}.
 */
@TestPropertySource(properties = {"tenhal.results.test-lab.enabled=true", "tenhal.results.test-lab.delay=2s"})
class ResultsBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClinicianOrdersATestSeesTheResultOnTheProfileAndMarksItReviewed() {
        VisitFixture fixture = VisitFixture.in(context);
        var child = fixture.child();
        UUID visit = fixture.visitOf(fixture.started(child));

        Browser b = browser();
        b.signIn(fixture.centre.speechTherapist(), "en");
        b.open("/visits/" + visit + "?lang=en#orders");
        new Select(b.find(By.id("kind"))).selectByValue("LAB");
        b.find(By.id("code")).sendKeys("2823-3");
        b.find(By.id("display")).sendKeys("Potassium");
        b.screenshot("results-1-order");
        b.find(By.cssSelector("form[action$='/orders'] button[type=submit]")).click();
        b.waitForText("Potassium");

        UUID order = jdbc.sql("select id from visit_order where visit_id = :v")
                .param("v", visit)
                .query(UUID.class)
                .single();
        // acknowledged by the lab, then resulted through the MLLP listener
        await().atMost(Duration.ofSeconds(60)).until(() -> status(order).equals("RESULTED"));
        b.open("/visits/" + visit + "?lang=en#orders");
        b.screenshot("results-2-order-resulted");

        b.open("/patients/" + child.id().value() + "?lang=en#results");
        b.waitForText("Results");
        assertThat(b.text())
                .contains("Potassium")
                .contains("6.9")
                .contains("Critical")
                .contains("To review");
        b.screenshot("results-3-profile");

        b.find(By.cssSelector("#patient-results a")).click();
        b.waitFor(() -> b.path().startsWith("/results/"));
        assertThat(b.text()).contains("3.5-5.1").contains("mmol/L");
        b.screenshot("results-4-result");
        b.find(By.id("mark-reviewed")).click();
        b.waitFor(() -> !b.findAll(By.id("reviewed")).isEmpty());
        b.screenshot("results-5-reviewed");
        assertThat(status(order)).isEqualTo("REVIEWED");

        b.open("/patients/" + child.id().value() + "?lang=ar#results");
        b.waitForText("النتائج");
        assertThat(b.text()).contains("رُوجعت");
        b.screenshot("results-6-profile-ar");
    }

    private String status(UUID order) {
        return jdbc.sql("select status from visit_order where id = :o")
                .param("o", order)
                .query(String.class)
                .single();
    }
}
