package sa.tenhal.visits;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.InsuranceServiceType;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.referrals.TestCentre;

/**
 * A speech clinic that works (its therapist and a nurse, two services with billing codes, working hours) where visits
 * start: {@link #startVisit} books, checks in and starts an appointment and waits for its record to open.
 */
public class VisitFixture {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    public final TestCentre centre;
    public final Caller nurse;
    public final ProviderDetails nurseProvider;
    public final ServiceDetails session;
    public final ServiceDetails assessment;
    private final Scheduling scheduling;
    private final PatientRegistry patients;
    private final JdbcClient jdbc;
    private final MutableClock clock;
    private final AtomicInteger slot = new AtomicInteger();

    /** Takes its seven beans from the test's context, so that a test need not autowire them only to pass them on. */
    public static VisitFixture in(ApplicationContext context) {
        return new VisitFixture(
                context.getBean(CatalogAdministration.class),
                context.getBean(StaffFixtures.class),
                context.getBean(Schedules.class),
                context.getBean(Scheduling.class),
                context.getBean(PatientRegistry.class),
                context.getBean(JdbcClient.class),
                context.getBean(MutableClock.class));
    }

    public VisitFixture(
            CatalogAdministration catalog,
            StaffFixtures staff,
            Schedules schedules,
            Scheduling scheduling,
            PatientRegistry patients,
            JdbcClient jdbc,
            MutableClock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
        this.patients = patients;
        this.jdbc = jdbc;
        centre = TestCentre.create(catalog, staff);
        nurse = staff.as(Role.NURSE);
        nurseProvider = catalog.createProvider(new ProviderForm(
                nurse.id().value(),
                "Nadia Nurse",
                "نادية",
                "RN-" + UUID.randomUUID().toString().substring(0, 8),
                "Nursing",
                Set.of(centre.speech().id().value())));
        session = catalog.createService(new ServiceForm(
                centre.speech().id().value(),
                "SLP-SES",
                "Speech session",
                "جلسة نطق",
                30,
                0,
                new BigDecimal("300.00"),
                VatCategory.STANDARD,
                null,
                "SLP-001",
                InsuranceServiceType.SERVICES));
        assessment = catalog.createService(new ServiceForm(
                centre.speech().id().value(),
                "SLP-EVAL",
                "Speech assessment",
                "تقييم نطق",
                30,
                0,
                new BigDecimal("500.00"),
                VatCategory.STANDARD,
                null,
                "SLP-002",
                InsuranceServiceType.SERVICES));
        schedules.addWorkingHours(
                centre.speechProvider().id(),
                new Schedules.WeeklySchedule(
                        centre.speech().id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        Set.of(),
                        List.of(new Schedules.TimeRange(LocalTime.of(0, 0), LocalTime.of(23, 30)))));
    }

    /**
     * Puts the speech clinic's note template back as shipped: the templates live in the tests' shared database, where
     * another test (the fuzz test among them) may have changed it.
     */
    public static void speechTemplateAsShipped(NoteTemplates templates) {
        var current = templates.get(sa.tenhal.clinics.Discipline.SPEECH_LANGUAGE);
        templates.update(
                sa.tenhal.clinics.Discipline.SPEECH_LANGUAGE,
                current.version(),
                NoteTemplates.shipped(sa.tenhal.clinics.Discipline.SPEECH_LANGUAGE));
    }

    public PatientDetails child() {
        return patients.register(TestPatientForms.child(), true, "RYD");
    }

    /** Books a session for the patient, checks them in, starts it, and waits for the visit's record. */
    public AppointmentDetails started(PatientDetails patient) {
        int n = slot.getAndIncrement();
        Instant start = LocalDate.now(RIYADH)
                .plusWeeks(2 + n / 40)
                .with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .atTime(LocalTime.of(1, 0).plusMinutes(30L * (n % 40)))
                .atZone(RIYADH)
                .toInstant();
        AppointmentDetails booked = scheduling.book(
                new Booking(patient.id(), session.id(), centre.speechProvider().id(), null, start, null, null));
        // a patient is checked in only on the appointment's day: the clock stands there for the check-in
        clock.set(start.minusSeconds(300));
        try {
            scheduling.arrive(booked.id());
        } finally {
            clock.reset();
        }
        scheduling.start(booked.id());
        return booked;
    }

    /** The visit record of a started appointment, once the listener opened it. */
    public UUID visitOf(AppointmentDetails appointment) {
        return await().until(
                        () -> jdbc.sql("select id from visit_record where appointment_id = :a")
                                .param("a", appointment.id().value())
                                .query(UUID.class)
                                .optional()
                                .orElse(null),
                        id -> id != null);
    }
}
