package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.tenhal.platform.DemoData;

/**
 * The embedded default comes with demo data (its own fresh embedded server here, so the counts are exact); a
 * configured database server never gets any.
 */
@SpringBootTest(
        properties = {
            "tenhal.database.url=",
            "tenhal.demo.enabled=true",
            "tenhal.jobs.execute=true",
            "db-scheduler.polling-interval=1s",
            // no quiet hours: run at night (Riyadh), the demo bookings' confirmation requests, which go by SMS or
            // WhatsApp, waited for 08:00 and never reached the outbox within the test (CI, 2026-12-05 23:13 Riyadh)
            "tenhal.notifications.quiet-start=00:00",
            "tenhal.notifications.quiet-end=00:00"
        })
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DemoDataTests {

    @Autowired
    org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tenhal-demo-test");
        registry.add("tenhal.database.embedded.data-directory", () -> dir.resolve("postgres")
                .toString());
    }

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void demoChildrenHaveSignedVisitNotesDiagnosesGrowthVitalsAndOrders() {
        assertThat(count("select count(*) from visit_record where signed_at is not null"))
                .isGreaterThan(30);
        assertThat(count("select count(*) from visit_record where signed_at is null"))
                .isPositive();
        assertThat(count("select count(*) from visit_diagnosis")).isGreaterThan(5);
        assertThat(count("select count(*) from patient_problem where resolved_on is null"))
                .isGreaterThan(5);
        assertThat(count("select count(distinct patient_id) from visit_vitals where weight_kg is not null"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from visit_order")).isPositive();
        assertThat(count("select count(*) from clinical_service where billing_code is not null"))
                .isGreaterThanOrEqualTo(17);
    }

    @Test
    void oneCentreSixClinicsTwelveProvidersFiftyPatientsAndAUserPerRole() {
        assertThat(count("select count(*) from centre")).isEqualTo(1);
        assertThat(count("select count(*) from clinic")).isEqualTo(6);
        assertThat(count("select count(*) from provider")).isEqualTo(12);
        assertThat(count("select count(*) from patient")).isEqualTo(50);
        assertThat(
                        count(
                                "select count(*) from patient p where exists (select 1 from patient_guardian g where g.patient_id = p.id)"))
                .isGreaterThan(20);
        assertThat(count("select count(*) from patient where given_name_ar is not null and given_name_en is not null"))
                .isEqualTo(50);
        assertThat(count("select count(distinct role) from staff_user_role")).isEqualTo(6);
        assertThat(count("select count(*) from clinical_service where price > 0 and duration_minutes >= 15"))
                .isGreaterThanOrEqualTo(17);
        assertThat(count("select count(*) from room")).isGreaterThanOrEqualTo(11);
        assertThat(count("select count(*) from patient_file")).isEqualTo(50);
        // five current ones (DemoReferrals) and the history's (DemoReferralHistory)
        assertThat(count("select count(*) from referral")).isGreaterThanOrEqualTo(5 + 10);
        assertThat(count("select count(distinct status) from referral")).isEqualTo(4);
    }

    @Test
    void twelveProvidersWorkSundayToThursdayHalfTheClinicsSaturdayAndTheComingDaysHoldAppointments() {
        assertThat(count("select count(distinct provider_id) from working_hours"))
                .isEqualTo(12);
        assertThat(count("select count(distinct day_of_week) from working_hours"))
                .isEqualTo(6);
        assertThat(count("select count(*) from working_hours where day_of_week = 5")) // Friday
                .isZero();
        // Saturday: three of the six clinics, so that a Saturday's desk is not empty (issue 20)
        assertThat(count("select count(distinct provider_id) from working_hours where day_of_week = 6"))
                .isEqualTo(6);
        assertThat(count("select count(*) from appointment where status in ('BOOKED', 'CONFIRMED')"))
                .isGreaterThanOrEqualTo(20);
    }

    /** The last 90 days hold a history, so that the dashboard and the reports mean something on the first start. */
    @Test
    void theLastNinetyDaysHoldCompletedCancelledAndMissedVisits() {
        String past = "select count(*) from appointment where starts_at >= now() - interval '91 days'"
                + " and starts_at < now() - interval '1 day' and status = ";
        assertThat(count(past + "'COMPLETED'")).isGreaterThan(300);
        assertThat(count(past + "'CANCELLED'")).isGreaterThan(20);
        assertThat(count(past + "'NO_SHOW'")).isGreaterThan(20);
        assertThat(count("select count(*) from appointment where starts_at < now() - interval '60 days'"))
                .isGreaterThan(0);
    }

    /**
     * The completed visits of the history are invoiced (their own HIS- series, not sealed for ZATCA): most paid, some
     * open, a few overdue with their reminders behind them; referrals of the history in every state.
     */
    @Test
    void theHistoryHoldsInvoicesPaymentsAndReferrals() {
        String his = "select count(*) from invoice where number like 'HIS-%'";
        assertThat(count(his)).isGreaterThan(250);
        assertThat(count(his + " and status = 'PAID'")).isGreaterThan(200);
        assertThat(count(his + " and status = 'ISSUED'")).isPositive();
        assertThat(count(his + " and status = 'OVERDUE'")).isPositive();
        assertThat(count("select count(*) from invoice i where number like 'HIS-%' and (i.paid <> i.total"
                        + " or not exists (select 1 from invoice_line l where l.invoice_id = i.id))"
                        + " and status = 'PAID'"))
                .isZero();
        assertThat(count("select count(*) from invoice i join payment_allocation a on a.invoice_id = i.id"
                        + " where i.number like 'HIS-%' and i.issue_date >= current_date - 30"))
                .isGreaterThan(50);
        // never sealed nor submitted for ZATCA
        assertThat(count("select count(*) from invoice i join zatca_document d on d.invoice_id = i.id"
                        + " where i.number like 'HIS-%'"))
                .isZero();
        assertThat(count("select count(*) from integration_submission s join invoice i on i.id = s.subject_id"
                        + " where i.number like 'HIS-%'"))
                .isZero();
        // the overdue ones' reminders are behind them: no reminder storm on the first start
        assertThat(count("select count(*) from notification_message where kind like '%overdue%'"))
                .isLessThan(5);
        String old = "select count(*) from referral where created_at < now() - interval '3 days' and status = ";
        assertThat(count(old + "'COMPLETED'")).isGreaterThanOrEqualTo(5);
        assertThat(count(old + "'REJECTED'")).isGreaterThanOrEqualTo(3);
        assertThat(count(old + "'ACCEPTED'")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from referral where status = 'PENDING'"))
                .isGreaterThanOrEqualTo(3);
        assertThat(
                        count(
                                "select count(*) from referral where status = 'COMPLETED' and first_appointment_id is not null"))
                .isGreaterThanOrEqualTo(5);
    }

    /**
     * Nothing leaves the machine on the embedded default: the demo users' welcome emails land in the outbox page, where
     * an admin reads them and follows their set-password links.
     */
    @Test
    void welcomeEmailsLandInTheOutboxWithWorkingLinks() throws Exception {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(count("select count(*) from outbox_item o join notification_message m"
                                + " on m.id = o.message_id where o.channel = 'EMAIL' and m.kind = 'staff-welcome'"))
                        .isEqualTo(16));
        assertThat(count("select count(*) from notification_message where status = 'SENT' and provider = 'outbox'"
                        + " and kind = 'staff-welcome'"))
                .isEqualTo(16);
        // each in one attempt, and no delivery job left behind (the outbox's copy, SENT and the job's end: one commit)
        assertThat(count("select count(*) from notification_message where kind = 'staff-welcome' and attempts = 1"))
                .isEqualTo(16);
        assertThat(count(
                        "select count(*) from scheduled_tasks t join notification_message m on t.task_instance = m.id::text"
                                + " where t.task_name = 'deliver-message' and m.kind = 'staff-welcome'"))
                .isZero();
        // (the demo bookings' confirmation requests land there too, with their links)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .until(
                        () -> count("select count(*) from notification_message where provider = 'outbox'"
                                + " and kind = 'appointment-confirmation-request'"),
                        n -> n > 0);

        var signIn = mvc.post()
                .uri("/login")
                .param("username", "admin")
                .param("password", "tenhal-demo")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        jakarta.servlet.http.Cookie session = signIn.getResponse().getCookie("TENHAL_SESSION");
        var outbox = mvc.get().uri("/admin/outbox").cookie(session).exchange();
        assertThat(outbox).hasStatusOk();
        String page = Bodies.text(outbox);
        assertThat(page).contains("Welcome to Tenhal", "nurse@demo.tenhal.sa");

        String itemId = jdbc.sql("select message_id::text from outbox_item where address = 'nurse@demo.tenhal.sa'")
                .query(String.class)
                .single();
        String item = Bodies.text(
                mvc.get().uri("/admin/outbox/" + itemId).cookie(session).exchange());
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("/set-password/([0-9a-f]{64})").matcher(item);
        assertThat(link.find()).isTrue();
        assertThat(mvc.get().uri("/set-password/" + link.group(1)))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"password\"");

        // The outbox is for admins only.
        var nurse = mvc.post()
                .uri("/login")
                .param("username", "nurse")
                .param("password", "tenhal-demo")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(mvc.get().uri("/admin/outbox").cookie(nurse.getResponse().getCookie("TENHAL_SESSION")))
                .hasStatus(403);
        assertThat(mvc.get().uri("/db-scheduler").cookie(nurse.getResponse().getCookie("TENHAL_SESSION")))
                .hasStatus(403);
        assertThat(mvc.get().uri("/db-scheduler").cookie(session)).hasStatusOk();
    }

    /** Lite configuration (no @Configuration, so that @SpringBootTest does not take it for the test's own). */
    static class WithDemoBean {
        @Bean
        @DemoData
        String demoMarker() {
            return "demo";
        }
    }

    @Test
    void aConfiguredServerNeverGetsDemoData() {
        new ApplicationContextRunner()
                .withUserConfiguration(WithDemoBean.class)
                .withPropertyValues("tenhal.database.url=jdbc:postgresql://db.example:5432/tenhal")
                .run(context -> assertThat(context).doesNotHaveBean("demoMarker"));
        new ApplicationContextRunner()
                .withUserConfiguration(WithDemoBean.class)
                .withPropertyValues("tenhal.demo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("demoMarker"));
        new ApplicationContextRunner().withUserConfiguration(WithDemoBean.class).run(context -> assertThat(context)
                .hasBean("demoMarker"));
    }
}
