package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Json;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

/**
 * Money and records (issue 20): a payment above the balance is asked about first, on the page and in the API; a merge
 * moves everything that is the patient's, and lists overlapping visits for a decision instead of failing.
 */
@TenhalIntegrationTest
class OverpaymentAndMergeIntegrationTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Payments payments;

    @Autowired
    Schedules schedules;

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    FinanceFixtures f;
    Caller reception;
    Caller manager;

    @BeforeEach
    void setUp() {
        f = new FinanceFixtures(catalog, patients);
        reception = staff.as(Role.RECEPTIONIST);
        manager = staff.as(Role.MANAGER);
    }

    @Test
    void aPaymentAboveTheBalanceIsAskedAboutFirstAndSaysWhatBecomesCredit() {
        PatientDetails patient = f.resident();
        String invoice = issued(patient); // 2 × 350 + 15% VAT = 805
        Cookie desk = Pages.signIn(mvc, reception);

        MvcTestResult asked = mvc.post()
                .uri("/finance/invoices/{id}/payments", invoice)
                .cookie(desk)
                .with(csrf())
                .param("method", "CASH")
                .param("amount", "1000.00")
                .exchange();
        assertThat(asked).hasStatus3xxRedirection();
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/finance/invoices/" + invoice + "#pay");
        Object question = asked.getMvcResult().getFlashMap().get("overpayment");
        assertThat(question).isNotNull();
        assertThat(count("select count(*) from payment where patient_id = ?", patient))
                .isZero();

        String page = Bodies.text(mvc.get()
                .uri("/finance/invoices/{id}", invoice)
                .cookie(desk)
                .exchange()); // the question, kept for the page the redirect opens
        assertThat(page)
                .contains(
                        "1000.00 SAR is more than the 805.00 SAR owed on this invoice: 195.00 SAR would become the patient",
                        "Record 1000.00 SAR; 195.00 SAR becomes credit",
                        "name=\"acceptCredit\" value=\"true\"");
        // in Arabic, as the cashier lives it: the question comes back after the redirect
        MvcTestResult askedInArabic = mvc.post()
                .uri("/finance/invoices/{id}/payments?lang=ar", invoice)
                .cookie(desk)
                .with(csrf())
                .param("method", "CASH")
                .param("amount", "1000.00")
                .exchange();
        assertThat(askedInArabic).hasStatus3xxRedirection();
        String arabic = Bodies.text(mvc.get()
                .uri("/finance/invoices/{id}?lang=ar", invoice)
                .cookie(desk)
                .exchange());
        assertThat(arabic).contains("سيصبح 195.00 ريال رصيدًا دائنًا");
        assertThat(count("select count(*) from payment where patient_id = ?", patient))
                .isZero();

        MvcTestResult accepted = mvc.post()
                .uri("/finance/invoices/{id}/payments", invoice)
                .cookie(desk)
                .with(csrf())
                .param("method", "CASH")
                .param("amount", "1000.00")
                .param("acceptCredit", "true")
                .exchange();
        assertThat(accepted.getResponse().getRedirectedUrl()).startsWith("/finance/payments/");
        assertThat(payments.account(patient.id()).credit()).isEqualByComparingTo("195.00");

        // exactly the balance needs no question
        PatientDetails other = f.resident();
        String second = issued(other);
        MvcTestResult exact = mvc.post()
                .uri("/finance/invoices/{id}/payments", second)
                .cookie(desk)
                .with(csrf())
                .param("method", "CASH")
                .param("amount", "805.00")
                .exchange();
        assertThat(exact.getResponse().getRedirectedUrl()).startsWith("/finance/payments/");
    }

    @Test
    void aMergeMovesTheMoneyAndListsOverlappingVisitsForADecision() {
        Caller therapist = staff.as(Role.PROVIDER);
        ProviderDetails provider = catalog.createProvider(new ProviderForm(
                therapist.id().value(),
                "Reem",
                "ريم",
                "SLP-M" + f.centre,
                "SLP",
                Set.of(f.clinic.id().value())));
        schedules.addWorkingHours(
                provider.id(),
                new Schedules.WeeklySchedule(
                        f.clinic.id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(new Schedules.TimeRange(LocalTime.of(7, 0), LocalTime.of(22, 0)))));
        ProviderDetails other = catalog.createProvider(new ProviderForm(
                staff.as(Role.PROVIDER).id().value(),
                "Lama",
                "لمى",
                "SLP-N" + f.centre,
                "SLP",
                Set.of(f.clinic.id().value())));
        schedules.addWorkingHours(
                other.id(),
                new Schedules.WeeklySchedule(
                        f.clinic.id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        EnumSet.allOf(DayOfWeek.class),
                        List.of(new Schedules.TimeRange(LocalTime.of(7, 0), LocalTime.of(22, 0)))));
        PatientDetails survivor = f.resident();
        PatientDetails duplicate = f.citizen();
        Instant tenNextWeek =
                LocalDate.now(RIYADH).plusDays(8).atTime(10, 0).atZone(RIYADH).toInstant();
        AppointmentDetails kept = scheduling.book(
                new Booking(survivor.id(), f.speech.id(), provider.id(), null, tenNextWeek, null, null));
        AppointmentDetails clash = scheduling.book(new Booking(
                duplicate.id(), f.speech.id(), other.id(), null, tenNextWeek.plus(Duration.ofMinutes(15)), null, null));
        String invoice = issued(duplicate);
        payments.receive(
                new PaymentRequests.NewPayment(
                                duplicate.id().value(),
                                null,
                                PaymentMethod.CASH,
                                new BigDecimal("900.00"),
                                null,
                                null,
                                null)
                        .acceptingCredit(),
                null);

        MvcTestResult refused = merge(survivor, duplicate);
        assertThat(refused).hasStatus(409);
        assertThat(Bodies.<String>read(refused, "$.type")).endsWith("merge-obstacles");
        assertThat(Bodies.<String>read(refused, "$.obstacles[0].survivorRecord"))
                .isEqualTo(kept.id().value().toString());
        assertThat(Bodies.<String>read(refused, "$.obstacles[0].duplicateRecord"))
                .isEqualTo(clash.id().value().toString());
        assertThat(patients.find(duplicate.id()).orElseThrow().mergedInto()).isNull();

        // the desk decides: the duplicate's visit goes; then the merge goes through and the money follows
        scheduling.cancel(clash.id(), "duplicate record");
        assertThat(merge(survivor, duplicate)).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("select count(*) from invoice where patient_id = ?", duplicate))
                    .isZero();
            assertThat(count("select count(*) from payment where patient_id = ?", duplicate))
                    .isZero();
            assertThat(count("select count(*) from appointment where patient_id = ?", duplicate))
                    .isZero();
        });
        assertThat(count("select count(*) from invoice where patient_id = ?", survivor))
                .isEqualTo(1);
        // a citizen's care carries no VAT: 2 × 350 = 700 owed, 200 of the 900 paid is credit
        assertThat(payments.account(survivor.id()).credit()).isEqualByComparingTo("200.00");
        assertThat(jdbc.sql("select status from invoice where id = ?::uuid")
                        .param(invoice)
                        .query(String.class)
                        .single())
                .isEqualTo("PAID");
    }

    MvcTestResult merge(PatientDetails survivor, PatientDetails duplicate) {
        return mvc.post()
                .uri("/api/v1/patients/{id}/merge", survivor.id().value())
                .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.of(Map.of("mergedPatientId", duplicate.id().value())))
                .exchange();
    }

    long count(String sql, PatientDetails patient) {
        return jdbc.sql(sql).param(patient.id().value()).query(Long.class).single();
    }

    String issued(PatientDetails patient) {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/invoices")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.of(Map.of(
                        "patientId", patient.id().value(),
                        "clinicId", f.clinic.id().value(),
                        "lines", List.of(Map.of("serviceId", f.speech.id().value(), "quantity", 2)))))
                .exchange();
        assertThat(created).hasStatus(201);
        String id = Bodies.read(created, "$[0].id");
        assertThat(mvc.post()
                        .uri("/api/v1/invoices/" + id + "/issue")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange())
                .hasStatusOk();
        return id;
    }
}
