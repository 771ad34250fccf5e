package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static sa.tenhal.appointments.SchedulingFixture.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientFixtures;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;

/** A freed slot goes to the longest-waiting patient it suits; the first claim books it; a lapsed offer moves on. */
@TenhalIntegrationTest
class WaitlistIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Schedules schedules;

    @Autowired
    StaffFixtures staff;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Scheduling scheduling;

    @Autowired
    Waitlist waitlist;

    @Autowired
    WaitlistReactions reactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    ServiceId session;
    ProviderId provider;
    LocalDate sunday;

    @BeforeEach
    void clinic() {
        SchedulingFixture fixture = new SchedulingFixture(admin, schedules, staff);
        ClinicId clinic = fixture.clinic("SLP");
        fixture.room(clinic, "S1", RoomKind.THERAPY);
        session = fixture.service(clinic, "SLP-SES", 45, 15, RoomKind.THERAPY);
        provider = fixture.provider(clinic);
        sunday = SchedulingFixture.sunday(3);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "reception", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_RECEPTIONIST"))));
    }

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    AppointmentDetails bookedAt(int hour) {
        PatientId patient = PatientFixtures.register(patients);
        return scheduling.book(new Booking(patient, session, provider, null, at(sunday, hour, 0), null, null));
    }

    PatientId waiting(Set<DayOfWeek> days) {
        PatientId patient = PatientFixtures.register(patients);
        waitlist.join(new Waitlist.Wish(patient, session, null, days, null, null, null, null));
        return patient;
    }

    UUID pendingOfferFor(PatientId patient) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> jdbc.sql("select id from waitlist_offer where patient_id = ? and status = 'PENDING'")
                                .param(patient.value())
                                .query(UUID.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
    }

    /** A link to the offer, as one of its messages would carry it. */
    String token(UUID offer) {
        String link = waitlist.mintLink(offer);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aCancelledSlotIsOfferedToTheFirstSuitedPatientWhoClaimsItOnce() {
        AppointmentDetails taken = bookedAt(9);
        PatientId mondaysOnly = waiting(Set.of(DayOfWeek.MONDAY));
        PatientId first = waiting(null);
        PatientId second = waiting(null);

        scheduling.cancel(taken.id(), "family travel");
        UUID offer = pendingOfferFor(first);
        assertThat(jdbc.sql("select count(*) from waitlist_offer where patient_id in (?, ?)")
                        .params(mondaysOnly.value(), second.value())
                        .query(Long.class)
                        .single())
                .isZero();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from notification_message where source = ?")
                                .param("WaitlistSlotOffered:" + offer)
                                .query(Long.class)
                                .single()
                        > 0);

        String token = token(offer);
        String inTheOtherMessage = token(offer); // the SMS and the email each carry a link of their own
        MvcTestResult page = mvc.get().uri("/p/waitlist/" + token + "?lang=en").exchange();
        assertThat(page).hasStatus(200);
        assertThat(Bodies.text(page)).contains("Take this time");
        assertThat(appointmentsOf(first)).isZero(); // looking changes nothing

        MvcTestResult claimed =
                mvc.post().uri("/p/waitlist/" + token).with(csrf()).exchange();
        assertThat(claimed).hasStatus(200);
        assertThat(Bodies.text(claimed)).contains("The appointment is yours");
        assertThat(appointmentsOf(first)).isEqualTo(1);
        assertThat(jdbc.sql("select starts_at from appointment where patient_id = ?")
                        .param(first.value())
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(at(sunday, 9, 0));

        // a second click, from either message, books nothing more
        assertThat(mvc.post().uri("/p/waitlist/" + token).with(csrf()).exchange())
                .hasStatus(200);
        MvcTestResult again = mvc.post()
                .uri("/p/waitlist/" + inTheOtherMessage + "?lang=en")
                .with(csrf())
                .exchange();
        assertThat(again).hasStatus(200);
        assertThat(Bodies.text(again)).contains("The appointment is yours");
        assertThat(appointmentsOf(first)).isEqualTo(1);
        assertThat(waitlist.entries(null, first)).singleElement().satisfies(e -> assertThat(e.status())
                .isEqualTo("BOOKED"));

        // an unknown link gets a friendly page
        assertThat(mvc.get().uri("/p/waitlist/" + "0".repeat(64)).exchange()).hasStatus(404);
    }

    @Test
    void aWaitingPatientWhoCannotBeBookedIsPassedOverAndTheNextGetsTheOffer() {
        // the fuzz tests met it: the first candidate refused with an exception (archived since joining) marked the
        // offer's transaction rollback-only, and nobody got the slot
        AppointmentDetails taken = bookedAt(11);
        PatientId archived = waiting(null);
        PatientId next = waiting(null);
        patients.archive(archived, "moved away");

        scheduling.cancel(taken.id(), "provider ill");
        pendingOfferFor(next);
        assertThat(jdbc.sql("select count(*) from waitlist_offer where patient_id = ?")
                        .param(archived.value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anOfferNotClaimedInTimeGoesToTheNextPatient() {
        AppointmentDetails taken = bookedAt(10);
        PatientId first = waiting(null);
        PatientId second = waiting(null);
        scheduling.cancel(taken.id(), "ill");
        UUID offer = pendingOfferFor(first);
        String token = token(offer);

        clock.set(java.time.Instant.now().plus(Duration.ofHours(2)).plusSeconds(60));
        reactions.run(offer.toString(), null);

        assertThat(jdbc.sql("select status from waitlist_offer where id = ?")
                        .param(offer)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
        assertThat(pendingOfferFor(second)).isNotNull();
        assertThat(waitlist.entries(null, first)).singleElement().satisfies(e -> assertThat(e.status())
                .isEqualTo("WAITING"));
        // the lapsed link no longer books
        MvcTestResult late =
                mvc.post().uri("/p/waitlist/" + token + "?lang=en").with(csrf()).exchange();
        assertThat(Bodies.text(late)).contains("This offer has ended");
        assertThat(appointmentsOf(first)).isZero();
    }

    long appointmentsOf(PatientId patient) {
        return jdbc.sql("select count(*) from appointment where patient_id = ? and status = 'BOOKED'")
                .param(patient.value())
                .query(Long.class)
                .single();
    }
}
