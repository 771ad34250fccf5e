package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Json;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The seed's own checks (issue 20): its three workflows, each driven through the API and the jobs as a clinic lives
 * it; every recurring job's default schedule against the seed's timing; the monthly financial report run by its job.
 */
@TenhalIntegrationTest
class SeedWorkflowsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Schedules schedules;

    @Autowired
    PatientRegistry patients;

    @Autowired
    ReminderSender reminders;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<RecurringJob> jobs;

    SchedulingFixture fx;
    ClinicId clinic;
    ServiceId service;
    ProviderId provider;
    LocalDate sunday;
    Caller reception;
    Caller manager;

    @BeforeEach
    void aClinic() {
        fx = new SchedulingFixture(admin, schedules, staff);
        clinic = fx.clinic("WF");
        service = fx.service(clinic, "WF-S", 45, 15, null);
        provider = fx.provider(clinic);
        sunday = SchedulingFixture.sunday(3);
        reception = staff.as(Role.RECEPTIONIST);
        manager = staff.as(Role.MANAGER);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Book → reminder → visit → invoice: the seed's first workflow. */
    @Test
    void aBookingIsRemindedVisitedAndInvoiced() {
        PatientDetails patient = reachableByEmailAndSms();
        String id = book(patient, SchedulingFixture.at(sunday, 10, 0));
        assertThat(post(reception, "/api/v1/appointments/" + id + "/confirm", "{\"method\":\"PHONE\"}"))
                .hasStatusOk();

        // The day before at 10:00 the 24-hour reminder job runs and the patient is reminded, once.
        clock.set(SchedulingFixture.at(sunday.minusDays(1), 10, 0));
        reminders.run(id + ":24h", new Reminders.Due(UUID.fromString(id), ReminderOffset.H24));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from notification_message where kind = 'appointment-reminder' and source like ?",
                                "AppointmentReminderDue:" + id + ":24h:%")
                        >= 1);

        // The visit: checked in, seen, completed; the completion bills it.
        clock.set(SchedulingFixture.at(sunday, 9, 55));
        assertThat(post(reception, "/api/v1/appointments/" + id + "/arrive", ""))
                .hasStatusOk();
        clock.set(SchedulingFixture.at(sunday, 10, 0));
        assertThat(post(reception, "/api/v1/appointments/" + id + "/start", "")).hasStatusOk();
        clock.set(SchedulingFixture.at(sunday, 10, 45));
        assertThat(post(reception, "/api/v1/appointments/" + id + "/complete", ""))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from invoice where patient_id = ?::uuid",
                                patient.id().toString())
                        == 1);
    }

    /** Referral → the receiving clinic is told → accepted with a first visit → the visit completes the referral. */
    @Test
    void aReferralIsNotifiedAcceptedAndCompletedByItsFirstVisit() {
        ClinicId to = fx.clinic("WR");
        ServiceId assessment = fx.service(to, "WR-A", 45, 15, null);
        ProviderId therapist = fx.provider(to);
        PatientDetails patient = reachableByEmailAndSms();
        MvcTestResult created = post(
                manager,
                "/api/v1/referrals",
                Json.of(Map.of(
                        "patientId", patient.id().value(),
                        "fromClinicId", clinic.value(),
                        "toClinicId", to.value(),
                        "reason", "Fine motor delay",
                        "urgency", "ROUTINE")));
        assertThat(created).hasStatus(201);
        String referral = Bodies.read(created, "$.id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from notification_message where kind = 'referral-created' and source = ?",
                                "ReferralCreated:" + referral)
                        >= 1);

        MvcTestResult accepted = post(
                manager,
                "/api/v1/referrals/" + referral + "/accept",
                Json.of(Map.of(
                        "appointment",
                        Map.of(
                                "serviceId", assessment.value(),
                                "providerId", therapist.value(),
                                "startsAt", SchedulingFixture.at(sunday, 9, 0).toString()))));
        assertThat(accepted).hasStatusOk();
        assertThat(Bodies.<String>read(accepted, "$.status")).isEqualTo("ACCEPTED");
        String visit = Bodies.read(accepted, "$.firstAppointmentId");

        clock.set(SchedulingFixture.at(sunday, 8, 55));
        assertThat(post(reception, "/api/v1/appointments/" + visit + "/arrive", ""))
                .hasStatusOk();
        assertThat(post(manager, "/api/v1/appointments/" + visit + "/start", ""))
                .hasStatusOk();
        clock.set(SchedulingFixture.at(sunday, 9, 45));
        assertThat(post(manager, "/api/v1/appointments/" + visit + "/complete", ""))
                .hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        Bodies.<String>read(get(manager, "/api/v1/referrals/" + referral), "$.status"))
                .isEqualTo("COMPLETED"));
    }

    /** Invoice → payment → receipt: the receipt reaches the patient by email, as a PDF. */
    @Test
    void anInvoicePaidAtTheDeskSendsItsReceipt() {
        PatientDetails patient = reachableByEmailAndSms();
        MvcTestResult draft = post(
                reception,
                "/api/v1/invoices",
                Json.of(Map.of(
                        "patientId", patient.id().value(),
                        "clinicId", clinic.value(),
                        "lines", List.of(Map.of("serviceId", service.value(), "quantity", 1)))));
        assertThat(draft).hasStatus(201);
        String invoice = Bodies.read(draft, "$[0].id");
        MvcTestResult issued = post(reception, "/api/v1/invoices/" + invoice + "/issue", "{}");
        assertThat(issued).hasStatusOk();
        double total = Bodies.<Double>read(issued, "$.total");

        MvcTestResult paid = post(
                reception,
                "/api/v1/payments",
                Json.of(Map.of(
                        "patientId", patient.id().value(),
                        "method", "MADA",
                        "amount", BigDecimal.valueOf(total),
                        "allocations", List.of(Map.of("invoiceId", invoice, "amount", BigDecimal.valueOf(total))))));
        assertThat(paid).hasStatus(201);
        String payment = Bodies.read(paid, "$.id");
        assertThat(Bodies.<String>read(get(reception, "/api/v1/invoices/" + invoice), "$.status"))
                .isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                                select count(*) from notification_message m
                                  join notification_attachment a on a.message_id = m.id
                                 where m.kind = 'payment-receipt' and m.source = ?
                                   and a.content_type = 'application/pdf'""", "PaymentReceived:" + payment) == 1);
    }

    /** Every recurring job's default schedule is the seed's (clinic-local time). */
    @Test
    void eachRecurringJobRunsWhenTheSeedSays() {
        Map<String, String> cron =
                jobs.stream().collect(Collectors.toMap(RecurringJob::name, RecurringJob::defaultCron));
        // a Sunday, 2026-11-22, 00:00:30 in Riyadh
        ZonedDateTime from = ZonedDateTime.of(2026, 11, 22, 0, 0, 30, 0, SchedulingFixture.RIYADH);
        Function<String, LocalDateTime> next =
                name -> CronExpression.parse(cron.get(name)).next(from).toLocalDateTime();
        assertThat(next.apply("todays-appointment-reminders")).isEqualTo("2026-11-22T08:00"); // daily 08:00
        assertThat(next.apply("check-no-shows")).isEqualTo("2026-11-22T02:00"); // every 2 hours
        assertThat(CronExpression.parse(cron.get("check-no-shows"))
                        .next(from.withHour(2).withMinute(0).withSecond(1))
                        .toLocalDateTime())
                .isEqualTo("2026-11-22T04:00");
        assertThat(next.apply("next-day-schedule")).isEqualTo("2026-11-22T18:00"); // daily 18:00
        assertThat(next.apply("overdue-invoices")).isEqualTo("2026-11-22T09:00"); // daily 09:00
        assertThat(next.apply("financial-report-weekly").getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.apply("financial-report-monthly").toLocalDate()).isEqualTo("2026-12-01"); // the 1st
        assertThat(next.apply("pending-referrals")).isEqualTo("2026-11-22T10:00"); // daily 10:00
        assertThat(next.apply("referral-statistics").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(next.apply("confirmation-reminders")).isEqualTo("2026-11-22T09:00"); // daily 09:00
        assertThat(next.apply("expire-confirmations")).isEqualTo("2026-11-23T00:00"); // daily 00:00
    }

    /** The monthly financial report, run by its job: finance staff get last month's as PDF and CSV. */
    @Test
    void theMonthlyReportJobSendsLastMonthsReport() {
        Caller finance = staff.as(Role.FINANCE);
        RecurringJob monthly = jobs.stream()
                .filter(j -> j.name().equals("financial-report-monthly"))
                .findFirst()
                .orElseThrow();
        LocalDate first =
                LocalDate.now(SchedulingFixture.RIYADH).withDayOfMonth(1).minusMonths(1);
        monthly.work().run();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.sql("""
                                select a.filename from notification_message m
                                join notification_attachment a on a.message_id = m.id
                                where m.recipient_id = ? and m.kind = 'financial-report' order by a.filename""")
                        .param(finance.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "financial-report-monthly-" + first + ".csv", "financial-report-monthly-" + first + ".pdf"));
    }

    private PatientDetails reachableByEmailAndSms() {
        PatientForm f = TestPatientForms.adult();
        return patients.register(
                new PatientForm(
                        f.givenNameAr(),
                        f.familyNameAr(),
                        f.givenNameEn(),
                        f.familyNameEn(),
                        f.birthDate(),
                        f.sex(),
                        f.nationality(),
                        f.identityDocument(),
                        f.mobile(),
                        "p" + System.nanoTime() + "@example.test",
                        f.preferredLanguage(),
                        Set.of(ContactChannel.SMS, ContactChannel.EMAIL),
                        f.guardians(),
                        f.coverages()),
                true,
                fx.centre);
    }

    private String book(PatientDetails patient, Instant at) {
        MvcTestResult booked = post(
                reception,
                "/api/v1/appointments",
                Json.of(Map.of(
                        "patientId", patient.id().value(),
                        "serviceId", service.value(),
                        "providerId", provider.value(),
                        "startsAt", at.toString())));
        assertThat(booked).hasStatus(201);
        return Bodies.read(booked, "$.id");
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private MvcTestResult post(Caller caller, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.isEmpty() ? "{}" : body)
                .exchange();
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }
}
