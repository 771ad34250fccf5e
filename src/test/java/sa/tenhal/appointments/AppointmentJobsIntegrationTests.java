package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static sa.tenhal.appointments.SchedulingFixture.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
import sa.tenhal.platform.jobs.Jobs;

/** The appointment jobs, run directly with a controlled clock (the job engine does not run in tests). */
@TenhalIntegrationTest
class AppointmentJobsIntegrationTests {

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
    AppointmentJobs jobs;

    @Autowired
    ReminderSender reminders;

    @Autowired
    Jobs jobEngine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    ClinicId clinic;
    ServiceId session;
    ProviderId provider;
    LocalDate sunday;

    @BeforeEach
    void clinic() {
        SchedulingFixture fixture = new SchedulingFixture(admin, schedules, staff);
        clinic = fixture.clinic("SLP");
        fixture.room(clinic, "S1", RoomKind.THERAPY);
        session = fixture.service(clinic, "SLP-SES", 45, 15, RoomKind.THERAPY);
        provider = fixture.provider(clinic);
        sunday = SchedulingFixture.sunday(2);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "reception", null, java.util.List.of(new SimpleGrantedAuthority("ROLE_RECEPTIONIST"))));
    }

    @AfterEach
    void reset() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    AppointmentDetails book(int hour) {
        PatientId patient = PatientFixtures.register(patients);
        return scheduling.book(new Booking(patient, session, provider, null, at(sunday, hour, 0), null, null));
    }

    AppointmentStatus status(AppointmentDetails a) {
        return scheduling.get(a.id()).status();
    }

    @Test
    void aPatientNotArrivedByTheStartPlusFifteenMinutesIsANoShow() {
        AppointmentDetails late = book(9);
        AppointmentDetails arrived = book(10);
        clock.set(at(sunday, 9, 50));
        scheduling.arrive(arrived.id());

        clock.set(at(sunday, 9, 14));
        jobs.markNoShows();
        assertThat(status(late)).isEqualTo(AppointmentStatus.BOOKED);

        clock.set(at(sunday, 9, 16));
        jobs.markNoShows();
        assertThat(status(late)).isEqualTo(AppointmentStatus.NO_SHOW);

        clock.set(at(sunday, 12, 0));
        jobs.markNoShows();
        assertThat(status(arrived)).isEqualTo(AppointmentStatus.ARRIVED);
    }

    @Test
    void aReminderJobSendsOnceByThePatientsChannelsAndNotAfterACancellation() throws Exception {
        AppointmentDetails a = book(9);
        scheduling.confirm(a.id(), ConfirmationMethod.PHONE);
        String instance = a.id() + ":24h";
        assertThat(jobEngine.scheduledAt(Reminders.JOB, instance)).contains(at(sunday.minusDays(1), 9, 0));

        clock.set(at(sunday.minusDays(1), 9, 0));
        reminders.run(instance, new Reminders.Due(a.id().value(), ReminderOffset.H24));
        reminders.run(instance, new Reminders.Due(a.id().value(), ReminderOffset.H24));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(messages(a.id().value(), "24h")).isEqualTo(1L));

        AppointmentDetails cancelled = book(11);
        scheduling.confirm(cancelled.id(), ConfirmationMethod.PHONE);
        scheduling.cancel(cancelled.id(), "travel");
        assertThat(jobEngine.scheduledAt(Reminders.JOB, cancelled.id() + ":2h")).isEmpty();
        clock.set(at(sunday, 9, 0));
        reminders.run(cancelled.id() + ":2h", new Reminders.Due(cancelled.id().value(), ReminderOffset.H2));
        Thread.sleep(500); // nothing is expected, so there is no state to wait for
        assertThat(messages(cancelled.id().value(), "2h")).isZero();
    }

    @Test
    void todaysRemindersReachConfirmedAppointmentsNotYetRemindedOnce() {
        AppointmentDetails a = book(14);
        clock.set(at(sunday, 7, 0));
        scheduling.confirm(a.id(), ConfirmationMethod.IN_PERSON);
        // confirmed too late for the 24-hour reminder
        assertThat(jobEngine.scheduledAt(Reminders.JOB, a.id() + ":24h")).isEmpty();
        clock.set(at(sunday, 8, 0));
        assertThat(jobs.remindToday()).isGreaterThanOrEqualTo(1);
        jobs.remindToday();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(messages(a.id().value(), "today"))
                .isEqualTo(1L));
    }

    @Test
    void eachProviderGetsTomorrowsListInTheInboxAndAsAPdfByEmail() {
        book(9);
        book(10);
        clock.set(at(sunday.minusDays(1), 18, 0));
        jobs.announceTomorrow();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.sql(
                                    "select count(*) from notification_message where source = ? and kind = 'next-day-schedule'")
                            .param("ProviderDayScheduled:" + provider + ":" + sunday)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2L); // in-app and email
            assertThat(jdbc.sql("""
                            select count(*) from notification_attachment t join notification_message m on m.id = t.message_id
                             where m.source = ? and t.content_type = 'application/pdf'""")
                            .param("ProviderDayScheduled:" + provider + ":" + sunday)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        });
    }

    long messages(UUID appointment, String offset) {
        return jdbc.sql(
                        "select count(*) from notification_message where kind = 'appointment-reminder' and source like ?")
                .param("AppointmentReminderDue:" + appointment + ":" + offset + ":%")
                .query(Long.class)
                .single();
    }
}
