package sa.tenhal.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.MutableClock;
import sa.tenhal.OlderPublications;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentBooked;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.ProblemException;

/** The loop closes through the appointments module: booking links, completing completes, service rules fire. */
@TenhalIntegrationTest
class ClosedLoopIntegrationTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    /** The closed loop's durable listener for bookings, until 2026-12-06. */
    static final String OLD_LISTENER = "sa.tenhal.referrals.ClosedLoop.on(sa.tenhal.appointments.AppointmentBooked)";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationContext context;

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
    Referrals referrals;

    @Autowired
    AutoReferrals rules;

    @Autowired
    MutableClock clock;

    @Value("${tenhal.centre.code}")
    String centreCode;

    TestCentre centre;
    ProviderDetails otProvider;
    ServiceId otAssessment;

    @BeforeEach
    void otClinicThatWorks() {
        centre = TestCentre.create(catalog, staff);
        otProvider = centre.otProvider();
        otAssessment = catalog.createService(new ServiceForm(
                        centre.ot().id().value(),
                        "OT-ASSESS",
                        "OT assessment",
                        "تقييم وظيفي",
                        60,
                        0,
                        new BigDecimal("400.00"),
                        VatCategory.STANDARD,
                        null))
                .id();
        schedules.addWorkingHours(
                otProvider.id(),
                new Schedules.WeeklySchedule(
                        centre.ot().id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        Set.of(),
                        List.of(new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(16, 0)))));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A referral from the speech clinic to OT, by no one provider in particular. */
    ReferralDetails fromSpeechToOt(PatientDetails patient, String reason, Urgency urgency) {
        return referrals.create(new ReferralForm(
                patient.id().value(),
                centre.speech().id().value(),
                null,
                centre.ot().id().value(),
                null,
                reason,
                urgency,
                null));
    }

    @Test
    void acceptingBooksTheFirstVisitWhoseCompletionCompletesTheReferral() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        ReferralDetails referral = referrals.create(new ReferralForm(
                child.id().value(),
                centre.speech().id().value(),
                centre.speechProvider().id().value(),
                centre.ot().id().value(),
                null,
                "Fine motor delay",
                Urgency.ROUTINE,
                null));

        ReferralDetails accepted = referrals.accept(
                referral.id(),
                new FirstAppointment(otAssessment.value(), otProvider.id().value(), null, nextSunday(10), null));
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        AppointmentId first = new AppointmentId(accepted.firstAppointmentId());

        clock.set(nextSunday(10).minusSeconds(300)); // on the day: a check-in is accepted only then
        scheduling.arrive(first);
        scheduling.start(first);
        scheduling.complete(first);
        await().untilAsserted(
                        () -> assertThat(referrals.find(referral.id()).status()).isEqualTo(ReferralStatus.COMPLETED));
    }

    @Test
    void aTakenSlotLeavesTheReferralPendingAndBooksNothing() {
        PatientDetails someoneElse = patients.register(TestPatientForms.adult(), true, "RYD");
        scheduling.book(new Booking(someoneElse.id(), otAssessment, otProvider.id(), null, nextSunday(11), null, null));
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        ReferralDetails referral = fromSpeechToOt(child, "Handwriting", Urgency.ROUTINE);

        assertThatThrownBy(() -> referrals.accept(
                        referral.id(),
                        new FirstAppointment(
                                otAssessment.value(), otProvider.id().value(), null, nextSunday(11), null)))
                .isInstanceOf(ProblemException.class);
        assertThat(referrals.find(referral.id()).status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(referrals.find(referral.id()).firstAppointmentId()).isNull();
    }

    @Test
    void theFirstAppointmentBookedLaterIsLinkedAndACancelledOneMakesRoomForTheNext() {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        ReferralDetails referral = fromSpeechToOt(child, "Sensory", Urgency.URGENT);
        referrals.accept(referral.id());

        AppointmentDetails booked = scheduling.book(
                new Booking(child.id(), otAssessment, otProvider.id(), null, nextSunday(9), null, null));
        await().untilAsserted(() -> assertThat(referrals.find(referral.id()).firstAppointmentId())
                .isEqualTo(booked.id().value()));
        scheduling.cancel(booked.id(), "family travelling");
        await().untilAsserted(() ->
                assertThat(referrals.find(referral.id()).firstAppointmentId()).isNull());
        AppointmentDetails rebooked = scheduling.book(
                new Booking(child.id(), otAssessment, otProvider.id(), null, nextSunday(13), null, null));
        await().untilAsserted(() -> assertThat(referrals.find(referral.id()).firstAppointmentId())
                .isEqualTo(rebooked.id().value()));
    }

    /**
     * The loop is asked in the booking's own transaction: only a booking that an accepted referral awaits stores a
     * publication for it (read in the booking's transaction, rolled back); any other costs the loop no transaction.
     */
    @Test
    void onlyABookingThatAReferralAwaitsIsPublishedToTheLoop() {
        PatientDetails notReferred = patients.register(TestPatientForms.child(), true, "RYD");
        assertThat(publishedFor(notReferred, nextSunday(12))).isEmpty();

        PatientDetails referred = patients.register(TestPatientForms.child(), true, "RYD");
        referrals.accept(
                fromSpeechToOt(referred, "Motor planning", Urgency.ROUTINE).id());
        assertThat(publishedFor(referred, nextSunday(12))).singleElement().satisfies(event -> assertThat(event)
                .endsWith("ReferredPatientBooked"));
    }

    /**
     * A booking's publication for the closed loop's listener of the version before (incomplete at the upgrade) is
     * handed over by the migration that moved the question into the booking: to the link's listener when an accepted
     * referral awaits that visit, which links it once resubmitted; otherwise it is done with, as the loop had nothing
     * to do.
     */
    @Test
    void aBookingsPublicationLeftByTheVersionBeforeIsHandedOverOrDoneWith() {
        PatientDetails referred = patients.register(TestPatientForms.child(), true, "RYD");
        ReferralDetails referral = fromSpeechToOt(referred, "Feeding", Urgency.ROUTINE);
        referrals.accept(referral.id());
        AppointmentDetails booked = scheduling.book(
                new Booking(referred.id(), otAssessment, otProvider.id(), null, nextSunday(8), null, null));
        await().untilAsserted(() -> assertThat(referrals.find(referral.id()).firstAppointmentId())
                .isEqualTo(booked.id().value()));
        // as the version before left it: the loop's publication failed once, the referral not linked yet
        jdbc.sql("update referral set first_appointment_id = null where id = :id")
                .param("id", referral.id())
                .update();
        OlderPublications older = OlderPublications.in(context);
        UUID linking = older.failedOnce(OLD_LISTENER, booked(booked));
        PatientDetails notReferred = patients.register(TestPatientForms.adult(), true, "RYD");
        UUID nothingToDo = older.failedOnce(
                OLD_LISTENER,
                booked(scheduling.book(new Booking(
                        notReferred.id(), otAssessment, otProvider.id(), null, nextSunday(15), null, null))));

        older.migrate("V71__listeners_in_the_booking_transaction.sql");

        assertThat(older.exists(nothingToDo)).isFalse();
        older.resubmit(linking);
        await().untilAsserted(() -> assertThat(referrals.find(referral.id()).firstAppointmentId())
                .isEqualTo(booked.id().value()));
    }

    static AppointmentBooked booked(AppointmentDetails booked) {
        return new AppointmentBooked(
                booked.id().value(),
                booked.patientId(),
                booked.clinicId(),
                booked.providerId(),
                booked.serviceId(),
                null,
                null,
                booked.startsAt(),
                booked.endsAt(),
                false,
                false,
                Instant.now());
    }

    /** The events a booking of this patient stores publications of, read in its transaction (rolled back). */
    List<String> publishedFor(PatientDetails patient, Instant at) {
        return new TransactionTemplate(transactionManager).execute(tx -> {
            AppointmentDetails booked =
                    scheduling.book(new Booking(patient.id(), otAssessment, otProvider.id(), null, at, null, null));
            List<String> events = jdbc.sql("select event_type from event_publication where serialized_event like :a")
                    .param("a", "%" + booked.id().value() + "%")
                    .query(String.class)
                    .list();
            tx.setRollbackOnly();
            return events;
        });
    }

    @Test
    void aCompletedServiceFiresItsRuleOnce() {
        rules.create(new ReferralRuleForm(
                "After an OT assessment → psychology screen",
                TriggerKind.SERVICE_COMPLETED,
                otAssessment.value().toString(),
                null,
                null,
                centre.psychology().id().value(),
                Urgency.ROUTINE,
                "Automatic after OT assessment",
                true));
        PatientDetails adult = patients.register(TestPatientForms.adult(), true, "RYD");
        AppointmentDetails visit = scheduling.book(
                new Booking(adult.id(), otAssessment, otProvider.id(), null, nextSunday(14), null, null));
        clock.set(nextSunday(14).minusSeconds(300));
        scheduling.arrive(visit.id());
        scheduling.start(visit.id());
        scheduling.complete(visit.id());
        await().untilAsserted(() -> assertThat(referrals.ofPatient(adult.id()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.toClinicId())
                            .isEqualTo(centre.psychology().id().value());
                    assertThat(r.ruleId()).isNotNull();
                }));
    }

    @Test
    void aCentreClosureStopsTheServiceLevelClock() {
        // Closed Sunday to Tuesday: an urgent referral made on Thursday is due by the end of Wednesday.
        try {
            catalog.createCentre(new CentreForm(
                    centreCode, "Main centre", "المركز", null, null, null, null, null, null, null, null));
        } catch (ConflictException alreadyThere) {
            // another test made the configured centre first
        }
        LocalDate thursday = LocalDate.now(RIYADH).plusWeeks(8).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
        schedules.addClosure(null, thursday.plusDays(3), thursday.plusDays(5), "Eid al-Fitr");
        clock.set(thursday.atTime(14, 0).atZone(RIYADH).toInstant());
        PatientDetails adult = patients.register(TestPatientForms.adult(), true, "RYD");
        ReferralDetails referral = fromSpeechToOt(adult, "Urgent", Urgency.URGENT);
        assertThat(referral.respondBy())
                .isEqualTo(thursday.plusDays(7).atStartOfDay(RIYADH).toInstant());
    }

    static Instant nextSunday(int hour) {
        return LocalDate.now(RIYADH)
                .plusWeeks(2)
                .with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .atTime(hour, 0)
                .atZone(RIYADH)
                .toInstant();
    }
}
