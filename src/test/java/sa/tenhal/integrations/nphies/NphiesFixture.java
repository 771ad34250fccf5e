package sa.tenhal.integrations.nphies;

import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.Payer;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.SubscriberRelation;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.visits.PerformedService;
import sa.tenhal.visits.VisitFixture;
import sa.tenhal.visits.VisitId;
import sa.tenhal.visits.VisitRecords;

/** An insured child at the visit fixture's speech clinic, its bookings and completed (invoiced, issued) visits. */
final class NphiesFixture {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final String PAYER = "INS-BUPA";
    static final AtomicInteger MEMBERS = new AtomicInteger((int) (System.nanoTime() % 100_000));

    final VisitFixture visit;
    private final PatientRegistry patients;
    private final Scheduling scheduling;
    private final VisitRecords visits;
    private final Invoicing invoicing;
    private final AtomicInteger slot = new AtomicInteger();

    /** Takes its visit fixture and seven beans from the test's context, so tests need not autowire them to pass on. */
    static NphiesFixture in(ApplicationContext context) {
        return new NphiesFixture(
                VisitFixture.in(context),
                context.getBean(CatalogAdministration.class),
                context.getBean(ClinicCatalog.class),
                context.getBean(Payers.class),
                context.getBean(PatientRegistry.class),
                context.getBean(Scheduling.class),
                context.getBean(VisitRecords.class),
                context.getBean(Invoicing.class));
    }

    NphiesFixture(
            VisitFixture visit,
            CatalogAdministration catalog,
            ClinicCatalog clinics,
            Payers payers,
            PatientRegistry patients,
            Scheduling scheduling,
            VisitRecords visits,
            Invoicing invoicing) {
        this.visit = visit;
        this.patients = patients;
        this.scheduling = scheduling;
        this.visits = visits;
        this.invoicing = invoicing;
        String code = visit.centre.speech().centreCode();
        var centre = clinics.centre(code);
        // the centre issues standard (insurer) invoices: ZATCA needs its VAT and CR numbers
        catalog.updateCentre(
                code,
                centre.version(),
                new CentreForm(
                        code,
                        centre.nameEn(),
                        centre.nameAr(),
                        "310122393500003",
                        "1010101010",
                        null,
                        "King Fahd Road",
                        "1234",
                        "Al Olaya",
                        "Riyadh",
                        "12211",
                        "طريق الملك فهد",
                        "العليا",
                        "الرياض"));
        payers.save(
                new Payers.Payer(PAYER, "N-I-00001", "Bupa Arabia", "بوبا العربية", "INSURER", null, true),
                Instant.now());
    }

    /** An insured child whose member id ends in {@code lastDigit} (the simulator's rules read it). */
    PatientDetails insured(int lastDigit) {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        return patients.addCoverage(
                child.id(),
                new PatientForm.CoverageForm(
                        null,
                        PAYER,
                        "Bupa Arabia",
                        "T-" + MEMBERS.incrementAndGet() + lastDigit,
                        "POL-1",
                        "B",
                        LocalDate.now(RIYADH).plusYears(1),
                        SubscriberRelation.CHILD,
                        "T-PARENT"));
    }

    AppointmentDetails book(PatientDetails patient) {
        return book(patient, visit.session);
    }

    /** The patient booked for this service with the fixture's provider, each booking in a slot of its own. */
    AppointmentDetails book(PatientDetails patient, ServiceDetails service) {
        int n = slot.getAndIncrement();
        Instant start = LocalDate.now(RIYADH)
                .plusWeeks(3 + n / 40)
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .atTime(LocalTime.of(1, 0).plusMinutes(30L * (n % 40)))
                .atZone(RIYADH)
                .toInstant();
        return scheduling.book(new Booking(
                patient.id(), service.id(), visit.centre.speechProvider().id(), null, start, null, null));
    }

    /** A completed visit with these diagnoses, its invoices issued; the insurer's invoice. */
    InvoiceView completedVisit(PatientDetails patient, List<String> diagnoses) {
        return completedVisit(patient, diagnoses, 1);
    }

    /** The same with this many sessions of the fixture's session service performed. */
    InvoiceView completedVisit(PatientDetails patient, List<String> diagnoses, int sessions) {
        AppointmentDetails a = visit.started(patient);
        VisitId id = new VisitId(visit.visitOf(a));
        boolean primary = true;
        for (String code : diagnoses) {
            visits.diagnose(id, code, primary);
            primary = false;
        }
        if (sessions > 1) {
            visits.performed(id, List.of(new PerformedService(visit.session.id().value(), sessions)));
        }
        scheduling.complete(a.id());
        List<InvoiceView> drafts = await().atMost(Duration.ofSeconds(60))
                .until(() -> invoicing.ofAppointment(a.id().value()), l -> l.size() == 2);
        InvoiceView insurer = null;
        for (InvoiceView d : drafts) {
            InvoiceView issued = d.status() == InvoiceStatus.DRAFT ? invoicing.issue(d.id()) : d;
            if (issued.payer() == Payer.INSURER) {
                insurer = issued;
            }
        }
        return insurer;
    }
}
