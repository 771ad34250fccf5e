package sa.tenhal.desk.appointments;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.Unique;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;

/**
 * A speech clinic in a centre of its own, with a 45-minute session and its therapist: the desk tests share the
 * database with every other test, so each opens a clinic whose day no other test books into.
 */
record DeskClinic(ClinicDetails clinic, ServiceDetails session, Caller therapist, ProviderDetails provider) {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    /** The centre's code starts with the test's prefix, so that its centres are told apart in the shared database. */
    static DeskClinic open(CatalogAdministration catalog, StaffFixtures staff, String centrePrefix) {
        String centre = Unique.code(centrePrefix);
        catalog.createCentre(
                new CentreForm(centre, "Desk Centre", "مركز", null, null, null, null, null, null, null, null));
        ClinicDetails clinic = catalog.createClinic(
                new ClinicForm(centre, "SP", "Speech Therapy", "علاج النطق", Discipline.SPEECH_LANGUAGE, null));
        ServiceDetails session = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SP-SESSION",
                "Speech session",
                "جلسة نطق",
                45,
                15,
                new BigDecimal("300.00"),
                VatCategory.STANDARD,
                null));
        Caller therapist = staff.as(Role.PROVIDER);
        ProviderDetails provider = catalog.createProvider(new ProviderForm(
                therapist.id().value(),
                "Huda Therapist",
                "هدى المعالجة",
                "SLP-" + centre,
                "SLP",
                Set.of(clinic.id().value())));
        return new DeskClinic(clinic, session, therapist, provider);
    }

    void therapistWorks(Schedules schedules, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        schedules.addWorkingHours(
                provider.id(),
                new Schedules.WeeklySchedule(
                        clinic.id(),
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        days,
                        List.of(new Schedules.TimeRange(from, to))));
    }

    static LocalDate sundayThreeWeeksOn() {
        return LocalDate.now(RIYADH).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    }
}
