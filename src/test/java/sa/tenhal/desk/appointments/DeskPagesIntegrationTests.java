package sa.tenhal.desk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/** The desk pages as reception and a provider use them: book, see the conflict in words, check in, start, complete. */
@TenhalIntegrationTest
class DeskPagesIntegrationTests {

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
    PatientRegistry patients;

    @Autowired
    Calendar calendar;

    @Autowired
    MutableClock clock;

    @Autowired
    sa.tenhal.appointments.Waitlist waitlist;

    Caller therapist;
    ProviderDetails provider;
    ServiceDetails session;
    LocalDate sunday;

    @BeforeEach
    void aClinicWithATherapistWhoWorks() {
        DeskClinic desk = DeskClinic.open(catalog, staff, "DK");
        session = desk.session();
        therapist = desk.therapist();
        provider = desk.provider();
        desk.therapistWorks(schedules, Set.of(), LocalTime.of(8, 0), LocalTime.of(12, 0));
        sunday = DeskClinic.sundayThreeWeeksOn();
        clock.set(sunday.atTime(7, 0).atZone(RIYADH).toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void receptionBooksChecksInAndTheProviderCompletes() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));

        MvcTestResult times = mvc.get()
                .uri(
                        "/book?patient={p}&service={s}&date={d}",
                        child.id().value(),
                        session.id().value(),
                        sunday)
                .cookie(reception)
                .exchange();
        assertThat(times).hasStatusOk();
        assertThat(Bodies.text(times)).contains("Free times for Speech session", ">08:00<", "Huda Therapist");

        Instant nine = sunday.atTime(9, 0).atZone(RIYADH).toInstant();
        MvcTestResult booked = book(reception, child, nine);
        assertThat(booked).hasStatus3xxRedirection();
        assertThat(booked.getResponse().getRedirectedUrl()).startsWith("/patients/" + child.id());

        // The same time for someone else: refused, and said in words.
        PatientDetails other = patients.register(TestPatientForms.adult(), true, "RYD");
        MvcTestResult refused = book(reception, other, nine);
        assertThat(refused).hasStatusOk();
        assertThat(Bodies.text(refused))
                .contains("This time cannot be booked", "The provider already has an appointment from");

        // "My day" looks at any day: the therapist sees the visit on the day it is booked for, not the day after
        Cookie ahead = Pages.signIn(mvc, therapist);
        assertThat(Bodies.text(
                        mvc.get().uri("/my-day?date={d}", sunday).cookie(ahead).exchange()))
                .contains(child.fullName(sa.tenhal.shared.Language.EN), "value=\"" + sunday + "\"", "Next");
        assertThat(Bodies.text(mvc.get()
                        .uri("/my-day?date={d}", sunday.plusDays(1))
                        .cookie(ahead)
                        .exchange()))
                .doesNotContain(child.fullName(sa.tenhal.shared.Language.EN));

        // On the day: the desk shows it; reception checks the patient in; the provider starts and completes.
        clock.set(sunday.atTime(8, 50).atZone(RIYADH).toInstant());
        MvcTestResult desk = mvc.get().uri("/desk").cookie(reception).exchange();
        assertThat(Bodies.text(desk)).contains("Speech Therapy", "Huda Therapist", child.mrn(), "Check in");
        AppointmentDetails appointment = appointmentOf(child);
        post(reception, "/desk/appointments/" + appointment.id().value() + "/arrive", "/desk");
        assertThat(Bodies.text(mvc.get().uri("/desk").cookie(reception).exchange()))
                .contains("Waiting now", "waiting 0 min");

        Cookie provider = Pages.signIn(mvc, therapist);
        assertThat(Bodies.text(mvc.get().uri("/my-day").cookie(provider).exchange()))
                .contains(child.fullName(sa.tenhal.shared.Language.EN), "Start");
        post(provider, "/desk/appointments/" + appointment.id().value() + "/start", "/my-day");
        post(provider, "/desk/appointments/" + appointment.id().value() + "/complete", "/my-day");
        assertThat(appointmentOf(child).status()).isEqualTo(AppointmentStatus.COMPLETED);

        // Completing twice is refused in words on the page, not with a stack trace.
        MvcTestResult again =
                post(provider, "/desk/appointments/" + appointment.id().value() + "/complete", "/my-day");
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/my-day");
        assertThat(again.getMvcResult().getFlashMap().get("problem")).isNotNull();
    }

    @Test
    void anAppointmentIsMovedByPickingAFreeTimeOnTheCalendar() {
        PatientDetails adult = patients.register(TestPatientForms.adult(), true, "RYD");
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        book(reception, adult, sunday.atTime(10, 0).atZone(RIYADH).toInstant());
        AppointmentDetails appointment = appointmentOf(adult);

        MvcTestResult day = mvc.get()
                .uri("/calendar?date={d}&provider={p}", sunday, provider.id().value())
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(day)).contains(adult.fullName(sa.tenhal.shared.Language.EN), "Speech session", "Move");
        MvcTestResult week = mvc.get()
                .uri(
                        "/calendar?view=week&date={d}&provider={p}&lang=ar",
                        sunday,
                        provider.id().value())
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(week)).contains("dir=\"rtl\"", "status-BOOKED");

        MvcTestResult offers = mvc.get()
                .uri(
                        "/calendar/appointments/{id}/move?date={d}",
                        appointment.id().value(),
                        sunday)
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(offers)).contains("Move here", ">11:00<");
        Instant eleven = sunday.atTime(11, 0).atZone(RIYADH).toInstant();
        MvcTestResult moved = mvc.post()
                .uri("/calendar/appointments/{id}/move", appointment.id().value())
                .cookie(reception)
                .with(csrf())
                .param("startsAt", eleven.toString())
                .param("provider", provider.id().value().toString())
                .param("reason", "family asked for later")
                .exchange();
        assertThat(moved).hasStatus3xxRedirection();
        assertThat(appointmentOf(adult).startsAt()).isEqualTo(eleven);
    }

    @Test
    void whenNoTimeSuitsThePatientJoinsTheWaitlist() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        MvcTestResult times = mvc.get()
                .uri(
                        "/book?patient={p}&service={s}&date={d}",
                        child.id().value(),
                        session.id().value(),
                        sunday)
                .cookie(reception)
                .exchange();
        assertThat(Bodies.text(times)).contains("Put on the waitlist");
        MvcTestResult joined = mvc.post()
                .uri("/book/waitlist")
                .cookie(reception)
                .with(csrf())
                .param("patient", child.id().value().toString())
                .param("service", session.id().value().toString())
                .param("days", "SUNDAY", "MONDAY")
                .param("from", "08:00")
                .param("to", "11:00")
                .exchange();
        assertThat(joined).hasStatus3xxRedirection();
        assertThat(waitlist.entries(null, child.id())).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("WAITING");
            assertThat(e.preferredDays()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        });
    }

    @Test
    void eachRoleSeesOnlyItsPages() {
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));
        for (String page : List.of("/desk", "/book", "/calendar", "/my-day", "/referrals")) {
            assertThat(mvc.get().uri(page).cookie(finance).exchange()).as(page).hasStatus(403);
        }
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(mvc.get().uri("/my-day").cookie(reception).exchange()).hasStatus(403);
        MvcTestResult home = mvc.get().uri("/?lang=ar").cookie(reception).exchange();
        assertThat(Bodies.text(home)).contains("dir=\"rtl\"", "الاستقبال", "اليوم");
        assertThat(Bodies.text(mvc.get().uri("/").cookie(finance).exchange())).doesNotContain("/desk\"");
        Cookie provider = Pages.signIn(mvc, therapist);
        assertThat(Bodies.text(mvc.get().uri("/").cookie(provider).exchange())).contains("Your next patients today");
        assertThat(mvc.get().uri("/desk").cookie(provider).exchange()).hasStatus(403);
    }

    @Test
    void theManagersDashboardCountsTheDay() {
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        List<PatientDetails> people = List.of(
                patients.register(TestPatientForms.adult(), true, "RYD"),
                patients.register(TestPatientForms.adult(), true, "RYD"),
                patients.register(TestPatientForms.adult(), true, "RYD"),
                patients.register(TestPatientForms.adult(), true, "RYD"));
        // Saturday: four bookings for Sunday; the first is confirmed the day before.
        clock.set(sunday.minusDays(1).atTime(10, 0).atZone(RIYADH).toInstant());
        for (int i = 0; i < 4; i++) {
            book(
                    reception,
                    people.get(i),
                    sunday.atTime(8 + i, 0).atZone(RIYADH).toInstant());
        }
        post(
                reception,
                "/desk/appointments/" + appointmentOf(people.get(0)).id().value() + "/confirm",
                "/desk");
        post(
                reception,
                "/desk/appointments/" + appointmentOf(people.get(1)).id().value() + "/cancel?reason=ill",
                "/desk");
        // Sunday noon: one did not come, one was seen.
        clock.set(sunday.atTime(12, 0).atZone(RIYADH).toInstant());
        post(
                reception,
                "/desk/appointments/" + appointmentOf(people.get(2)).id().value() + "/no-show",
                "/desk");
        var seen = appointmentOf(people.get(3)).id().value();
        post(reception, "/desk/appointments/" + seen + "/arrive", "/desk");
        Cookie therapistSession = Pages.signIn(mvc, therapist);
        post(therapistSession, "/desk/appointments/" + seen + "/start", "/my-day");
        post(therapistSession, "/desk/appointments/" + seen + "/complete", "/my-day");

        Cookie manager = Pages.signIn(mvc, staff.as(Role.MANAGER));
        MvcTestResult figures = mvc.get()
                .uri(
                        "/api/v1/dashboard?from={d}&to={d}&clinic={c}",
                        sunday,
                        sunday,
                        session.clinicId().value())
                .cookie(manager)
                .exchange();
        assertThat(figures).hasStatusOk();
        assertThat(Bodies.<Integer>read(figures, "$.appointments.appointments")).isEqualTo(4);
        assertThat(Bodies.<Integer>read(figures, "$.appointments.cancelled")).isEqualTo(1);
        assertThat(Bodies.<Integer>read(figures, "$.appointments.noShows")).isEqualTo(1);
        assertThat(Bodies.<Integer>read(figures, "$.appointments.completed")).isEqualTo(1);
        assertThat(Bodies.<Integer>read(figures, "$.appointments.confirmedBeforeVisitDay"))
                .isEqualTo(1);
        assertThat(Bodies.<Double>read(figures, "$.appointments.confirmedBeforeVisitDayRate"))
                .isEqualTo(0.3333);
        assertThat(Bodies.<Double>read(figures, "$.appointments.noShowRate")).isEqualTo(0.3333);
        assertThat(Bodies.<Double>read(figures, "$.appointments.cancellationRate"))
                .isEqualTo(0.25);
        // 08:00–12:00 worked; the confirmed and the completed visit hold 45 minutes each.
        assertThat(Bodies.<Integer>read(figures, "$.appointments.providers[0].bookedMinutes"))
                .isEqualTo(90);
        assertThat(Bodies.<Integer>read(figures, "$.appointments.providers[0].availableMinutes"))
                .isEqualTo(240);
        assertThat(Bodies.<Double>read(figures, "$.appointments.providers[0].rate"))
                .isEqualTo(0.375);

        assertThat(Bodies.<List<?>>read(figures, "$.revenueByClinic")).isNotNull();
        assertThat(Bodies.<List<?>>read(figures, "$.collections")).isNotNull();
        MvcTestResult page = mvc.get().uri("/dashboard?lang=ar").cookie(manager).exchange();
        assertThat(Bodies.text(page)).contains("لوحة المؤشرات", "chart.umd.js", "/api/v1/dashboard");
        assertThat(mvc.get().uri("/dashboard").cookie(reception).exchange()).hasStatus(403);
        assertThat(mvc.get()
                        .uri("/api/v1/dashboard?from=2026-01-02&to=2026-01-01")
                        .cookie(manager)
                        .exchange())
                .hasStatus(422);
    }

    private MvcTestResult book(Cookie session, PatientDetails patient, Instant at) {
        return mvc.post()
                .uri("/book")
                .cookie(session)
                .with(csrf())
                .param("patient", patient.id().value().toString())
                .param("service", this.session.id().value().toString())
                .param("provider", provider.id().value().toString())
                .param("startsAt", at.toString())
                .param("action", "book")
                .exchange();
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

    private AppointmentDetails appointmentOf(PatientDetails patient) {
        return calendar.list(patient.id(), null, null, null, null, null, null, PageRequest.of(0, 5))
                .getContent()
                .get(0);
    }
}
