package sa.tenhal.appointments.confirmation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import sa.tenhal.StaffFixtures;
import sa.tenhal.Unique;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.shared.Language;

/**
 * A centre of its own (with an address and phone), a speech clinic with a therapy room, a 45-minute session and a
 * provider working Sunday to Thursday 08:00–16:00; patients who agreed to email and SMS (and, given the contact
 * preferences, asked for both at once: the tests read the link in the email and count the texts).
 */
public class ConfirmationFixture {

    public static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    final Scheduling scheduling;
    final PatientRegistry patients;
    public final String centre;
    public final ClinicId clinic;
    public final ServiceId session;
    public final ProviderId provider;
    public final String providerName;
    private final sa.tenhal.notifications.ContactPreferences preferences;

    /** The fixture with its beans taken from the test's context. */
    public static ConfirmationFixture in(ApplicationContext context) {
        return new ConfirmationFixture(context, null);
    }

    /** As {@link #in}, and the email-and-SMS patients asked for every channel at once. */
    public static ConfirmationFixture everyChannelIn(ApplicationContext context) {
        return new ConfirmationFixture(context, context.getBean(sa.tenhal.notifications.ContactPreferences.class));
    }

    /** With {@code preferences}, the email-and-SMS patients asked for every channel at once. */
    private ConfirmationFixture(ApplicationContext context, sa.tenhal.notifications.ContactPreferences preferences) {
        CatalogAdministration admin = context.getBean(CatalogAdministration.class);
        Schedules schedules = context.getBean(Schedules.class);
        StaffFixtures staff = context.getBean(StaffFixtures.class);
        this.scheduling = context.getBean(Scheduling.class);
        this.patients = context.getBean(PatientRegistry.class);
        this.preferences = preferences;
        this.centre = Unique.code("C");
        admin.createCentre(new CentreForm(
                centre,
                "Nakheel Centre",
                "مركز النخيل",
                null,
                null,
                "+966112345678",
                "King Fahd Road",
                "7421",
                "Al Olaya",
                "Riyadh",
                "12211"));
        clinic = admin.createClinic(
                        new ClinicForm(centre, "SLP", "Speech clinic", "عيادة النطق", Discipline.SPEECH_LANGUAGE, null))
                .id();
        admin.createRoom(new RoomForm(clinic.value(), "S1", "Room S1", "غرفة", RoomKind.THERAPY));
        session = admin.createService(new ServiceForm(
                        clinic.value(),
                        "SLP-SES",
                        "Stuttering therapy session",
                        "جلسة علاج التأتأة",
                        45,
                        15,
                        new BigDecimal("350.00"),
                        VatCategory.STANDARD,
                        RoomKind.THERAPY))
                .id();
        var user = staff.as(Role.PROVIDER);
        providerName = "Reem " + user.username();
        provider = admin.createProvider(new ProviderForm(
                        user.id().value(), providerName, "ريم", "SCFHS-1", "SLP", Set.of(clinic.value())))
                .id();
        schedules.addWorkingHours(
                provider,
                new Schedules.WeeklySchedule(
                        clinic,
                        LocalDate.now(RIYADH).minusDays(30),
                        null,
                        Set.of(),
                        List.of(new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(16, 0)))));
    }

    /** A patient reachable by email and SMS, speaking {@code language}. */
    public PatientId patient(Language language, String email) {
        return both(patient(language, email, Set.of(ContactChannel.EMAIL, ContactChannel.SMS)));
    }

    /** A patient reachable by email and SMS who did not ask for both: one channel at a time, SMS first. */
    public PatientId patientByOneChannel(Language language, String email) {
        return patient(language, email, Set.of(ContactChannel.EMAIL, ContactChannel.SMS));
    }

    private PatientId both(PatientId patient) {
        if (preferences != null) {
            preferences.setChannels(
                    patient, List.of(sa.tenhal.notifications.Channel.SMS, sa.tenhal.notifications.Channel.EMAIL), true);
        }
        return patient;
    }

    /** A patient reachable by SMS only. */
    public PatientId patientBySmsOnly(Language language) {
        return patient(language, null, Set.of(ContactChannel.SMS));
    }

    private PatientId patient(Language language, String email, Set<ContactChannel> channels) {
        PatientForm f = TestPatientForms.adult();
        return patients.register(
                        new PatientForm(
                                "نورة",
                                f.familyNameAr() == null ? "الشهري" : f.familyNameAr(),
                                "Noura",
                                f.familyNameEn(),
                                f.birthDate(),
                                f.sex(),
                                f.nationality(),
                                f.identityDocument(),
                                f.mobile(),
                                email,
                                language,
                                channels,
                                List.of(),
                                List.of()),
                        true,
                        "RYD")
                .id();
    }

    /**
     * A child of 7 (Layan / ليان) without a mobile, whose father (Saad Al-Qahtani) is the primary guardian; reachable
     * by email and SMS.
     */
    public PatientId child(Language language, String email) {
        PatientForm f = TestPatientForms.child();
        return both(patients.register(
                        new PatientForm(
                                f.givenNameAr(),
                                f.familyNameAr(),
                                f.givenNameEn(),
                                f.familyNameEn(),
                                LocalDate.now(RIYADH).minusYears(7),
                                f.sex(),
                                f.nationality(),
                                f.identityDocument(),
                                null,
                                email,
                                language,
                                Set.of(ContactChannel.EMAIL, ContactChannel.SMS),
                                f.guardians(),
                                List.of()),
                        true,
                        "RYD")
                .id());
    }

    public String mobile(PatientId patient) {
        return patients.contact(patient).orElseThrow().mobile();
    }

    public AppointmentDetails book(PatientId patient, Instant start) {
        return scheduling.book(new Booking(patient, session, provider, null, start, "private note", null));
    }

    /** A Sunday at least {@code weeks} weeks ahead (a working day). */
    public static LocalDate sunday(int weeks) {
        return LocalDate.now(RIYADH).plusWeeks(weeks).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    }

    public static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(RIYADH).toInstant();
    }

    public static String email(String prefix) {
        return Unique.name(prefix) + "@patients.example";
    }
}
