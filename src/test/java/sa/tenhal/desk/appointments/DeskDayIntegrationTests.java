package sa.tenhal.desk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/**
 * The desk as a receptionist meets it on a full day (issue 20): a check-in only on the appointment's day, the page
 * staying on the day viewed, the number to call, a compact list, the earliest free times first when booking, no API
 * link for the desk, and the profile's upcoming and past split by time.
 */
@TenhalIntegrationTest
class DeskDayIntegrationTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    MockMvcTester mvc;

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

    Caller therapist;
    ProviderDetails provider;
    ServiceDetails session;
    ServiceDetails quick;
    ClinicDetails clinic;
    LocalDate sunday;

    @BeforeEach
    void aClinicWithATherapistWhoWorksAllDay() {
        DeskClinic desk = DeskClinic.open(catalog, staff, "DD");
        clinic = desk.clinic();
        session = desk.session();
        therapist = desk.therapist();
        provider = desk.provider();
        quick = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SP-CHECK",
                "Quick check",
                "فحص سريع",
                15,
                0,
                new BigDecimal("50.00"),
                VatCategory.STANDARD,
                null));
        desk.therapistWorks(
                schedules, java.util.EnumSet.allOf(DayOfWeek.class), LocalTime.of(7, 0), LocalTime.of(22, 0));
        sunday = DeskClinic.sundayThreeWeeksOn();
        clock.set(sunday.minusDays(1).atTime(10, 0).atZone(RIYADH).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCheckInIsRefusedBeforeTheAppointmentsDayAndAfterItsEndPlusTheGraceAndThePageStaysOnTheDay() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        AppointmentDetails visit =
                scheduling.book(new Booking(child.id(), session.id(), provider.id(), null, at(9, 0), null, null));
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));

        // Saturday, looking at Sunday's desk: the actions come back to Sunday, and no check-in is offered.
        String viewed = "/desk?date=" + sunday;
        String page = Bodies.text(mvc.get().uri(viewed).cookie(reception).exchange());
        assertThat(page).contains("name=\"back\" value=\"" + viewed + "\"").doesNotContain(">Check in<");
        MvcTestResult early = post(reception, "/desk/appointments/" + visit.id().value() + "/arrive", viewed);
        assertThat(early.getResponse().getRedirectedUrl()).isEqualTo(viewed);
        assertThat((String) early.getMvcResult().getFlashMap().get("problem"))
                .isEqualTo("A patient can be checked in only on the day of the appointment.");
        MvcTestResult arabic = mvc.post()
                .uri("/desk/appointments/" + visit.id().value() + "/arrive?lang=ar")
                .cookie(reception)
                .with(csrf())
                .param("back", viewed)
                .exchange();
        assertThat((String) arabic.getMvcResult().getFlashMap().get("problem")).contains("في يوم موعده");
        MvcTestResult api = mvc.post()
                .uri("/api/v1/appointments/" + visit.id().value() + "/arrive")
                .cookie(reception)
                .with(csrf())
                .exchange();
        assertThat(api).hasStatus(409);
        assertThat(Bodies.<String>read(api, "$.detail")).contains("only on the appointment's day");

        // Sunday 10:01: the 09:00–09:45 visit plus 15 minutes' grace is over.
        clock.set(at(10, 1));
        MvcTestResult late = post(reception, "/desk/appointments/" + visit.id().value() + "/arrive", viewed);
        assertThat((String) late.getMvcResult().getFlashMap().get("problem")).contains("This appointment is over");

        // A cancellation from Sunday's desk viewed on another day goes back to that day too.
        AppointmentDetails other = scheduling.book(new Booking(
                child.id(),
                session.id(),
                provider.id(),
                null,
                sunday.plusDays(1).atTime(9, 0).atZone(RIYADH).toInstant(),
                null,
                null));
        String monday = "/desk?date=" + sunday.plusDays(1);
        MvcTestResult cancelled = mvc.post()
                .uri("/desk/appointments/" + other.id().value() + "/cancel")
                .cookie(reception)
                .with(csrf())
                .param("reason", "family travel")
                .param("back", monday)
                .exchange();
        assertThat(cancelled.getResponse().getRedirectedUrl()).isEqualTo(monday);
        // a cancellation without a reason is refused in the page's language
        MvcTestResult noReason = mvc.post()
                .uri("/desk/appointments/" + visit.id().value() + "/cancel?lang=ar")
                .cookie(reception)
                .with(csrf())
                .param("reason", " ")
                .param("back", viewed)
                .exchange();
        assertThat((String) noReason.getMvcResult().getFlashMap().get("problem"))
                .isEqualTo("اذكر سبب الإلغاء.");
        assertThat(cancelled.getMvcResult().getFlashMap().get("notice")).isEqualTo("desk.cancelled");
    }

    @Test
    void aFullDayOfSixtyVisitsIsACompactListWithTheNumberToCallAndActionsInAMenu() {
        List<PatientDetails> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            PatientDetails p =
                    patients.register(i % 2 == 0 ? TestPatientForms.adult() : TestPatientForms.child(), true, "RYD");
            people.add(p);
            scheduling.book(
                    new Booking(p.id(), quick.id(), provider.id(), null, at(7, 0).plusSeconds(900L * i), null, null));
        }
        clock.set(at(6, 30));
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        mvc.get().uri("/desk").cookie(reception).exchange(); // warm
        long started = System.nanoTime();
        MvcTestResult desk = mvc.get().uri("/desk").cookie(reception).exchange();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("desk with 60 visits: " + millis + " ms"); // for bench/RESULTS-style notes
        assertThat(desk).hasStatusOk();
        String page = Bodies.text(desk);
        assertThat(count(page, "<details class=\"menu\"")).isEqualTo(60);
        assertThat(count(page, ">Check in<")).isEqualTo(60);
        // every row's cancellation form is inside its menu, none open on the page
        assertThat(count(page, "/cancel\"")).isEqualTo(60);
        Matcher rows = Pattern.compile("<tr>\\s*<td dir=\"ltr\">").matcher(page);
        int r = 0;
        while (rows.find()) {
            r++;
        }
        assertThat(r).isEqualTo(60);
        // the number to call: the adult's own mobile, the child's guardian's
        PatientDetails adult = people.get(0);
        PatientDetails child = people.get(1);
        assertThat(page).contains("href=\"tel:" + adult.mobile() + "\"");
        assertThat(page).contains("href=\"tel:" + child.guardians().get(0).phone() + "\"");
        assertThat(millis).as("a full day's desk renders in %d ms", millis).isLessThan(3_000);
        assertThat(page.length()).as("page size").isLessThan(400_000);

        String arabic =
                Bodies.text(mvc.get().uri("/desk?lang=ar").cookie(reception).exchange());
        assertThat(arabic).contains("dir=\"rtl\"", "الهاتف", "المزيد", "هدى المعالجة");
    }

    @Test
    void bookingOffersTheEarliestFreeTimesByDayAndProviderWithMoreOnRequest() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        String page = Bodies.text(mvc.get()
                .uri(
                        "/book?patient={p}&service={s}&date={d}",
                        child.id().value(),
                        quick.id().value(),
                        sunday)
                .cookie(reception)
                .exchange());
        // 07:00–22:00 in 15 minutes, seven days: 420 free times; the page offers the first of the first days
        int offered = count(page, "class=\"slot\"");
        assertThat(offered).isBetween(1, BookingPages.DAYS_SHOWN * BookingPages.TIMES_SHOWN);
        assertThat(page)
                .contains(">07:00<", ">07:45<", "Huda Therapist", "id=\"more-times\"")
                .doesNotContain(">08:00<");
        String all = Bodies.text(mvc.get()
                .uri(
                        "/book?patient={p}&service={s}&date={d}&more=true",
                        child.id().value(),
                        quick.id().value(),
                        sunday)
                .cookie(reception)
                .exchange());
        assertThat(count(all, "class=\"slot\"")).isGreaterThan(offered * 10);
        assertThat(all).contains(">08:00<").doesNotContain("id=\"more-times\"");
    }

    @Test
    void theApiReferenceIsLinkedForAdministratorsOnlyAndTheProfileSplitsVisitsByTime() {
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(Bodies.text(mvc.get().uri("/").cookie(reception).exchange())).doesNotContain("swagger");
        Cookie admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
        assertThat(Bodies.text(mvc.get().uri("/").cookie(admin).exchange())).contains("/swagger-ui.html");

        PatientDetails adult = patients.register(TestPatientForms.adult(), true, "RYD");
        // Saturday 10:00: a visit this morning completed, a visit next week cancelled.
        clock.set(sunday.minusDays(1).atTime(7, 0).atZone(RIYADH).toInstant());
        AppointmentDetails morning = scheduling.book(new Booking(
                adult.id(),
                quick.id(),
                provider.id(),
                null,
                sunday.minusDays(1).atTime(8, 0).atZone(RIYADH).toInstant(),
                null,
                null));
        AppointmentDetails nextWeek = scheduling.book(new Booking(
                adult.id(),
                session.id(),
                provider.id(),
                null,
                at(11, 0).plus(java.time.Duration.ofDays(7)),
                null,
                null));
        clock.set(sunday.minusDays(1).atTime(7, 55).atZone(RIYADH).toInstant());
        scheduling.arrive(morning.id());
        scheduling.start(morning.id());
        scheduling.complete(morning.id());
        scheduling.cancel(nextWeek.id(), "family travel");
        clock.set(sunday.minusDays(1).atTime(7, 58).atZone(RIYADH).toInstant());

        String profile = Bodies.text(mvc.get()
                .uri("/patients/{id}", adult.id().value())
                .cookie(reception)
                .exchange());
        int upcoming = profile.indexOf("Upcoming appointments");
        int past = profile.indexOf("Past appointments");
        assertThat(upcoming).isPositive();
        String ahead = profile.substring(upcoming, past);
        String behind = profile.substring(past);
        assertThat(ahead).contains("Cancelled").doesNotContain("Completed");
        assertThat(behind).contains("Completed").doesNotContain("Cancelled");
    }

    private Instant at(int hour, int minute) {
        return sunday.atTime(hour, minute).atZone(RIYADH).toInstant();
    }

    private MvcTestResult post(Cookie session, String uri, String back) {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .cookie(session)
                .with(csrf())
                .param("back", back)
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        return result;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
