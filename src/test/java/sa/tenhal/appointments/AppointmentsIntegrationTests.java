package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sa.tenhal.appointments.SchedulingFixture.at;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientFixtures;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.jobs.Jobs;

@TenhalIntegrationTest
class AppointmentsIntegrationTests {

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
    JdbcClient jdbc;

    @Autowired
    Jobs jobs;

    @Autowired
    MutableClock clock;

    @Autowired
    PatientAppointments patientAppointments;

    @Autowired
    sa.tenhal.clinics.ClinicCatalog catalog;

    SchedulingFixture fixture;
    Caller reception;
    Caller manager;
    ClinicId clinic;
    ServiceId session;
    ProviderId reem;
    RoomId s1;
    LocalDate sunday;

    @BeforeEach
    void clinic() {
        fixture = new SchedulingFixture(admin, schedules, staff);
        reception = staff.as(Role.RECEPTIONIST);
        manager = staff.as(Role.MANAGER);
        clinic = fixture.clinic("SLP");
        s1 = fixture.room(clinic, "S1", RoomKind.THERAPY);
        session = fixture.service(clinic, "SLP-SES", 45, 15, RoomKind.THERAPY);
        reem = fixture.provider(clinic);
        sunday = SchedulingFixture.sunday(1);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    MvcTestResult post(Caller caller, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult book(Caller caller, PatientId patient, ServiceId service, ProviderId provider, Instant start) {
        return post(caller, "/api/v1/appointments", """
                {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s"}
                """.formatted(patient, service, provider, start));
    }

    String booked(PatientId patient, Instant start) {
        MvcTestResult result = book(reception, patient, session, reem, start);
        assertThat(result).hasStatus(201);
        return Bodies.read(result, "$.id");
    }

    @Test
    void bookingTakesTheFreeRoomAndTheSlotLeavesTheList() {
        PatientId patient = PatientFixtures.register(patients);
        MvcTestResult result = book(reception, patient, session, reem, at(sunday, 9, 0));
        assertThat(result).hasStatus(201).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.status").isEqualTo("BOOKED");
            assertThat(json).extractingPath("$.roomId").isEqualTo(s1.toString());
            assertThat(json)
                    .extractingPath("$.endsAt")
                    .isEqualTo(at(sunday, 9, 45).toString());
        });
        MvcTestResult slots = mvc.get()
                .uri("/api/v1/slots?serviceId={s}&providerId={p}&from={d}&to={d}", session, reem, sunday, sunday)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(slots).hasStatus(200);
        List<String> starts = JsonPath.read(Bodies.text(slots), "$[*].startsAt");
        // 08:00–11:15 minus what overlaps 09:00–10:00 (45 min + 15 buffer), then 13:00–15:15
        assertThat(starts)
                .contains(at(sunday, 8, 0).toString(), at(sunday, 10, 0).toString())
                .doesNotContain(
                        at(sunday, 8, 30).toString(),
                        at(sunday, 9, 0).toString(),
                        at(sunday, 9, 45).toString());
    }

    @Test
    void aDoubleClickedBookingWithAnIdempotencyKeyBooksOnce() {
        PatientId patient = PatientFixtures.register(patients);
        String body = """
                {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s"}
                """.formatted(patient, session, reem, at(sunday, 14, 0));
        String key = "book-" + UUID.randomUUID();
        MvcTestResult first = mvc.post()
                .uri("/api/v1/appointments")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        MvcTestResult again = mvc.post()
                .uri("/api/v1/appointments")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201).hasHeader("Idempotency-Replayed", "true");
        assertThat(Bodies.<String>read(again, "$.id")).isEqualTo(Bodies.read(first, "$.id"));
        assertThat(jdbc.sql("select count(*) from appointment where patient_id = ?")
                        .param(patient.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void fiftyConcurrentRequestsForOneSlotBookOneAndListTheConflictToTheOthers() throws Exception {
        List<PatientId> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(PatientFixtures.register(patients));
        }
        Instant start = at(sunday, 10, 0);
        List<MvcTestResult> results = concurrently(fifty.stream()
                .map(p -> (Callable<MvcTestResult>) () -> book(reception, p, session, reem, start))
                .toList());
        List<MvcTestResult> won =
                results.stream().filter(r -> r.getResponse().getStatus() == 201).toList();
        assertThat(won).hasSize(1);
        String winner = Bodies.read(won.get(0), "$.id");
        List<MvcTestResult> lost =
                results.stream().filter(r -> r.getResponse().getStatus() != 201).toList();
        assertThat(lost).hasSize(49).allSatisfy(r -> {
            assertThat(r).hasStatus(409);
            assertThat(Bodies.<String>read(r, "$.type")).endsWith("slot-taken");
            List<String> clashes = JsonPath.read(Bodies.text(r), "$.conflicts[*].appointmentId");
            assertThat(clashes).contains(winner);
        });
        assertThat(jdbc.sql("select count(*) from appointment where provider_id = ? and status <> 'CANCELLED'")
                        .param(reem.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void theDatabaseItselfRefusesAClashThatBypassesTheChecks() {
        PatientId patient = PatientFixtures.register(patients);
        String id = booked(patient, at(sunday, 11, 0));
        // a second row for the same time, written past the service's locks and checks
        assertThatThrownBy(() -> jdbc.sql("insert into appointment select (jsonb_populate_record(a,"
                                + " jsonb_build_object('id', gen_random_uuid()))).* from appointment a where id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause()
                .hasMessageContaining("appointment_provider_overlap");
    }

    @Test
    void aPatientCannotBeInTwoClinicsAtOnceEvenWhenBothAreBookedTogether() throws Exception {
        ClinicId ot = fixture.clinic("OT");
        ServiceId otSession = fixture.service(ot, "OT-SES", 45, 15, null);
        ProviderId lama = fixture.provider(ot);
        PatientId child = PatientFixtures.registerChild(patients);
        Instant start = at(sunday, 10, 0);
        List<MvcTestResult> results = concurrently(List.of(
                () -> book(reception, child, session, reem, start),
                () -> book(reception, child, otSession, lama, start.plusSeconds(30 * 60))));
        assertThat(results.stream().filter(r -> r.getResponse().getStatus() == 201))
                .hasSize(1);
        MvcTestResult refused = results.stream()
                .filter(r -> r.getResponse().getStatus() != 201)
                .findFirst()
                .orElseThrow();
        assertThat(refused).hasStatus(409);
        List<String> kinds = JsonPath.read(Bodies.text(refused), "$.conflicts[*].kind");
        assertThat(kinds).containsExactly("PATIENT");
    }

    @Test
    void aRefusalListsEveryConflictProviderRoomAndPatient() {
        PatientId first = PatientFixtures.register(patients);
        PatientId second = PatientFixtures.register(patients);
        booked(first, at(sunday, 13, 0));
        // the second patient is also busy at that time with another provider of the clinic
        ProviderId yousef = fixture.provider(clinic);
        RoomId s2 = fixture.room(clinic, "S2", RoomKind.THERAPY);
        assertThat(book(reception, second, session, yousef, at(sunday, 13, 0))).hasStatus(201);
        MvcTestResult refused =
                post(reception, "/api/v1/appointments", """
                {"patientId":"%s","serviceId":"%s","providerId":"%s","roomId":"%s","startsAt":"%s"}
                """.formatted(second, session, reem, s2, at(sunday, 13, 15)));
        assertThat(refused).hasStatus(409);
        List<String> kinds = JsonPath.read(Bodies.text(refused), "$.conflicts[*].kind");
        assertThat(kinds).containsExactlyInAnyOrder("PATIENT", "PROVIDER", "ROOM");
    }

    @Test
    void outsideWorkingHoursIsRefusedUnlessAManagerOverridesWithAReason() {
        PatientId patient = PatientFixtures.register(patients);
        Instant evening = at(sunday, 18, 0);
        MvcTestResult refused = book(reception, patient, session, reem, evening);
        assertThat(refused).hasStatus(422);
        assertThat(Bodies.<String>read(refused, "$.violations[0].rule")).isEqualTo("OUTSIDE_WORKING_HOURS");

        String body = """
                {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s","overrideReason":"family only free after work"}
                """.formatted(patient, session, reem, evening);
        assertThat(post(reception, "/api/v1/appointments", body)).hasStatus(422);
        MvcTestResult overridden = post(manager, "/api/v1/appointments", body);
        assertThat(overridden).hasStatus(201);
        String id = Bodies.read(overridden, "$.id");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = ? and action = 'OVERRIDE'")
                        .param(java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void timeOffAndClosuresAreRefused() {
        PatientId patient = PatientFixtures.register(patients);
        schedules.addTimeOff(reem, at(sunday, 8, 0), at(sunday, 12, 0), "training");
        MvcTestResult inTimeOff = book(reception, patient, session, reem, at(sunday, 9, 0));
        assertThat(inTimeOff).hasStatus(422);
        assertThat(Bodies.<String>read(inTimeOff, "$.violations[0].rule")).isEqualTo("TIME_OFF");

        LocalDate monday = sunday.plusDays(1);
        assertThat(post(manager, "/api/v1/closures", """
                {"clinicId":"%s","from":"%s","to":"%s","reason":"Eid al-Fitr"}
                """.formatted(clinic, monday, monday)))
                .hasStatus(201);
        MvcTestResult closed = book(reception, patient, session, reem, at(monday, 9, 0));
        assertThat(closed).hasStatus(422);
        assertThat(Bodies.<String>read(closed, "$.violations[0].rule")).isEqualTo("CLOSURE");
        MvcTestResult slots = mvc.get()
                .uri("/api/v1/slots?serviceId={s}&from={d}&to={d}", session, monday, monday)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(Bodies.<List<?>>read(slots, "$")).isEmpty();
    }

    @Test
    void badInputIsRefusedClearlyAndWritesNothing() {
        PatientId patient = PatientFixtures.register(patients);
        long before = count();
        // the past
        assertThat(book(reception, patient, session, reem, Instant.now().minusSeconds(3600)))
                .hasStatus(422);
        // unknown ids
        assertThat(book(reception, new PatientId(java.util.UUID.randomUUID()), session, reem, at(sunday, 9, 0)))
                .hasStatus(404);
        assertThat(book(reception, patient, new ServiceId(java.util.UUID.randomUUID()), reem, at(sunday, 9, 0)))
                .hasStatus(404);
        // missing fields
        assertThat(post(reception, "/api/v1/appointments", "{}")).hasStatus(422);
        // a service that does not fit in the day
        assertThat(book(reception, patient, session, reem, at(sunday, 23, 30))).hasStatus(422);
        // working hours ending before they start
        assertThat(post(manager, "/api/v1/providers/" + reem + "/working-hours", """
                {"clinicId":"%s","validFrom":"%s","intervals":[{"starts":"12:00","ends":"08:00"}]}
                """.formatted(clinic, sunday)))
                .hasStatus(422);
        // a time off ending before it starts
        assertThat(post(manager, "/api/v1/providers/" + reem + "/time-off", """
                {"startsAt":"%s","endsAt":"%s","reason":"leave"}
                """.formatted(
                                at(sunday, 12, 0), at(sunday, 8, 0))))
                .hasStatus(422);
        // slots: to before from, and the past
        assertThat(mvc.get()
                        .uri("/api/v1/slots?serviceId={s}&from={f}&to={t}", session, sunday, sunday.minusDays(1))
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .exchange())
                .hasStatus(422);
        // an itinerary whose second item clashes: nothing of it is written
        MvcTestResult itinerary = post(reception, "/api/v1/itineraries", """
                {"patientId":"%s","items":[
                  {"serviceId":"%s","providerId":"%s","startsAt":"%s"},
                  {"serviceId":"%s","providerId":"%s","startsAt":"%s"}]}
                """.formatted(
                        patient, session, reem, at(sunday, 9, 0), session, reem, at(sunday, 9, 30)));
        assertThat(itinerary).hasStatus(409);
        assertThat(Bodies.<Integer>read(itinerary, "$.item")).isEqualTo(1);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anItineraryAcrossClinicsIsBookedAllTogether() {
        ClinicId ot = fixture.clinic("OT");
        ServiceId otSession = fixture.service(ot, "OT-SES", 45, 15, null);
        ProviderId lama = fixture.provider(ot);
        PatientId child = PatientFixtures.registerChild(patients);
        MvcTestResult itinerary = post(reception, "/api/v1/itineraries", """
                {"patientId":"%s","items":[
                  {"serviceId":"%s","providerId":"%s","startsAt":"%s"},
                  {"serviceId":"%s","providerId":"%s","startsAt":"%s"}]}
                """.formatted(
                        child, session, reem, at(sunday, 9, 0), otSession, lama, at(sunday, 9, 45)));
        assertThat(itinerary).hasStatus(201);
        List<String> itineraries = JsonPath.read(Bodies.text(itinerary), "$[*].itineraryId");
        assertThat(itineraries).hasSize(2).doesNotContainNull();
        assertThat(itineraries.get(0)).isEqualTo(itineraries.get(1));
    }

    @Test
    void theLifecycleRefusesIllegalTransitionsWith409NamingTheStatus() {
        PatientId patient = PatientFixtures.register(patients);
        String id = booked(patient, at(sunday, 8, 0));
        MvcTestResult early = post(reception, "/api/v1/appointments/" + id + "/complete", "");
        assertThat(early).hasStatus(409);
        assertThat(Bodies.<String>read(early, "$.currentStatus")).isEqualTo("BOOKED");

        assertThat(post(reception, "/api/v1/appointments/" + id + "/confirm", "{\"method\":\"PHONE\"}"))
                .hasStatus(200);
        clock.set(at(sunday, 7, 55));
        assertThat(post(reception, "/api/v1/appointments/" + id + "/arrive", ""))
                .hasStatus(200);
        assertThat(post(reception, "/api/v1/appointments/" + id + "/start", "")).hasStatus(200);
        MvcTestResult done = post(reception, "/api/v1/appointments/" + id + "/complete", "");
        assertThat(done).hasStatus(200);
        assertThat(Bodies.<String>read(done, "$.status")).isEqualTo("COMPLETED");
        MvcTestResult cancel = post(reception, "/api/v1/appointments/" + id + "/cancel", "{\"reason\":\"x\"}");
        assertThat(cancel).hasStatus(409);
        assertThat(Bodies.<String>read(cancel, "$.currentStatus")).isEqualTo("COMPLETED");
        assertThat(mvc.get()
                        .uri("/api/v1/appointments/" + java.util.UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .exchange())
                .hasStatus(404);
    }

    @Test
    void remindersFollowConfirmationRescheduleAndCancellation() {
        PatientId patient = PatientFixtures.register(patients);
        String id = booked(patient, at(sunday, 10, 0));
        java.util.UUID uuid = java.util.UUID.fromString(id);
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":24h")).isEmpty();

        post(reception, "/api/v1/appointments/" + id + "/confirm", "{\"method\":\"LINK\"}");
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":24h")).contains(at(sunday.minusDays(1), 10, 0));
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":2h")).contains(at(sunday, 8, 0));

        MvcTestResult moved =
                post(reception, "/api/v1/appointments/" + id + "/reschedule", """
                {"startsAt":"%s","reason":"parent asked"}
                """.formatted(at(sunday, 14, 0)));
        assertThat(moved).hasStatus(200);
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":2h")).contains(at(sunday, 12, 0));
        MvcTestResult history = mvc.get()
                .uri("/api/v1/appointments/" + id + "/moves")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(Bodies.<String>read(history, "$[0].oldStartsAt"))
                .isEqualTo(at(sunday, 10, 0).toString());

        // a reminder time already past is not scheduled
        clock.set(at(sunday, 0, 0));
        post(reception, "/api/v1/appointments/" + id + "/reschedule", """
                {"startsAt":"%s"}
                """.formatted(at(sunday, 15, 0)));
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":24h")).isEmpty();
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":2h")).contains(at(sunday, 13, 0));

        MvcTestResult cancelled = post(reception, "/api/v1/appointments/" + id + "/cancel", "{\"reason\":\"ill\"}");
        assertThat(cancelled).hasStatus(200);
        assertThat(Bodies.<Boolean>read(cancelled, "$.lateCancellation")).isTrue();
        assertThat(jobs.scheduledAt(Reminders.JOB, uuid + ":2h")).isEmpty();
    }

    @Test
    void thePatientSummaryShowsUpcomingAppointments() {
        PatientId patient = PatientFixtures.register(patients);
        booked(patient, at(sunday, 9, 0));
        MvcTestResult summary = mvc.get()
                .uri("/api/v1/patients/" + patient + "/summary")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(summary).hasStatus(200);
        List<String> upcoming = JsonPath.read(Bodies.text(summary), "$.appointments.upcoming[*].startsAt");
        assertThat(upcoming).containsExactly(at(sunday, 9, 0).toString());
        // the provider who sees the patient is on their care team
        assertThat(patientAppointments.staffUserIds(patient))
                .containsExactly(catalog.provider(reem).userId().value());
        MvcTestResult calendar = mvc.get()
                .uri("/api/v1/calendar?view=WEEK&date={d}&clinicId={c}", sunday, clinic)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(calendar).hasStatus(200);
        List<String> booked = JsonPath.read(Bodies.text(calendar), "$.lanes[0].appointments[*].startsAt");
        assertThat(booked).containsExactly(at(sunday, 9, 0).toString());
    }

    long count() {
        return jdbc.sql("select count(*) from appointment").query(Long.class).single();
    }

    static List<MvcTestResult> concurrently(List<Callable<MvcTestResult>> calls) throws Exception {
        List<MvcTestResult> out = new ArrayList<>();
        for (sa.tenhal.AtOnce.Outcome<MvcTestResult> outcome : sa.tenhal.AtOnce.run(calls)) {
            if (outcome.thrown() != null) {
                throw new java.util.concurrent.ExecutionException(outcome.thrown());
            }
            out.add(outcome.value());
        }
        return out;
    }
}
