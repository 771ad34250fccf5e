package sa.tenhal.appointments;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import sa.tenhal.StaffFixtures;
import sa.tenhal.Unique;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;

/** A centre of its own per test: a clinic with rooms, a 45-minute service with a 15-minute buffer, providers. */
class SchedulingFixture {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    final CatalogAdministration admin;
    final Schedules schedules;
    final StaffFixtures staff;
    final String centre;

    SchedulingFixture(CatalogAdministration admin, Schedules schedules, StaffFixtures staff) {
        this.admin = admin;
        this.schedules = schedules;
        this.staff = staff;
        this.centre = Unique.code("S");
        admin.createCentre(new CentreForm(
                centre,
                "Test centre",
                "مركز",
                "310122393500003",
                "1010101010",
                null,
                null,
                null,
                null,
                "Riyadh",
                null));
    }

    ClinicId clinic(String code) {
        return admin.createClinic(
                        new ClinicForm(centre, code, "Clinic " + code, "عيادة", Discipline.SPEECH_LANGUAGE, null))
                .id();
    }

    RoomId room(ClinicId clinic, String code, RoomKind kind) {
        return admin.createRoom(new RoomForm(clinic.value(), code, "Room " + code, "غرفة", kind))
                .id();
    }

    ServiceId service(ClinicId clinic, String code, int minutes, int buffer, RoomKind kind) {
        return admin.createService(new ServiceForm(
                        clinic.value(),
                        code,
                        "Service " + code,
                        "خدمة",
                        minutes,
                        buffer,
                        new BigDecimal("350.00"),
                        VatCategory.STANDARD,
                        kind))
                .id();
    }

    /** A provider working Sunday to Thursday 08:00–12:00 and 13:00–16:00 in the clinic. */
    ProviderId provider(ClinicId clinic) {
        var user = staff.as(Role.PROVIDER);
        ProviderId id = admin.createProvider(new ProviderForm(
                        user.id().value(),
                        "Provider " + user.username(),
                        "معالج",
                        "SCFHS-1",
                        "SLP",
                        Set.of(clinic.value())))
                .id();
        schedules.addWorkingHours(
                id,
                new Schedules.WeeklySchedule(
                        clinic,
                        LocalDate.now(RIYADH).minusDays(1),
                        null,
                        Set.of(),
                        List.of(
                                new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                                new Schedules.TimeRange(LocalTime.of(13, 0), LocalTime.of(16, 0)))));
        return id;
    }

    /** A Sunday at least {@code weeks} weeks ahead (a working day). */
    static LocalDate sunday(int weeks) {
        return LocalDate.now(RIYADH).plusWeeks(weeks).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    }

    static java.time.Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(RIYADH).toInstant();
    }
}
