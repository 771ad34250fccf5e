package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;
import sa.tenhal.platform.ProblemException;

/**
 * The demo centre's week: every provider works Sunday to Thursday, 08:00–12:00 and 13:00–17:00; the therapy clinics
 * (every other clinic) also open Saturday 09:00–13:00, so that the desk has a day on a Saturday too. Today and the
 * next working days hold some appointments (a few already confirmed).
 */
@Component
@DemoData
@Order(40)
class DemoSchedules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSchedules.class);

    private final WorkingHoursRepository hours;
    private final Schedules schedules;
    private final Availability availability;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final String centreCode;

    DemoSchedules(
            WorkingHoursRepository hours,
            Schedules schedules,
            Availability availability,
            Scheduling scheduling,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.hours = hours;
        this.schedules = schedules;
        this.availability = availability;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
        this.centreCode = centreCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (hours.count() > 0) {
            return;
        }
        List<ClinicDetails> clinics =
                catalog.clinics(centreCode, true, PageRequest.of(0, 50)).getContent();
        int providers = 0;
        int index = 0;
        for (ClinicDetails clinic : clinics) {
            boolean saturdays = index++ % 2 == 1;
            for (ProviderDetails provider : catalog.activeProviders(clinic.id())) {
                schedules.addWorkingHours(
                        provider.id(),
                        new Schedules.WeeklySchedule(
                                clinic.id(),
                                time.today().minusDays(30),
                                null,
                                Schedules.DEFAULT_WEEK,
                                List.of(
                                        new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                                        new Schedules.TimeRange(LocalTime.of(13, 0), LocalTime.of(17, 0)))));
                if (saturdays) {
                    schedules.addWorkingHours(
                            provider.id(),
                            new Schedules.WeeklySchedule(
                                    clinic.id(),
                                    time.today().minusDays(30),
                                    null,
                                    java.util.EnumSet.of(DayOfWeek.SATURDAY),
                                    List.of(new Schedules.TimeRange(LocalTime.of(9, 0), LocalTime.of(13, 0)))));
                }
                providers++;
            }
        }
        int booked = bookSome(clinics);
        log.info(
                "Demo schedules: {} providers work Sunday to Thursday, half the clinics Saturday too; {} appointments"
                        + " booked",
                providers,
                booked);
    }

    /**
     * Two appointments per clinic on today (what is left of it) and each of the next three working days, for demo
     * patients in turn; a clinic closed on a day (Friday; Saturday for some) books nothing then.
     */
    private int bookSome(List<ClinicDetails> clinics) {
        List<PatientDetails> people =
                patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 50)).getContent();
        if (people.isEmpty()) {
            return 0;
        }
        int booked = 0;
        int next = 0;
        LocalDate day = time.today();
        for (int days = 0; days < 4; day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                continue;
            }
            days++;
            for (ClinicDetails clinic : clinics) {
                List<ServiceDetails> services = catalog.services(clinic.id(), true, PageRequest.of(0, 10))
                        .getContent();
                if (services.isEmpty()) {
                    continue;
                }
                ServiceDetails service = services.get(days % services.size());
                List<Slot> slots = availability.slots(new Availability.SlotQuery(service.id(), null, day, day, null));
                for (int k = 0; k < 2 && !slots.isEmpty(); k++) {
                    Slot slot = slots.get((k * 7 + days * 3) % slots.size());
                    PatientDetails patient = people.get(next++ % people.size());
                    try {
                        AppointmentDetails a = scheduling.book(new Booking(
                                patient.id(),
                                service.id(),
                                slot.providerId(),
                                slot.roomId(),
                                slot.startsAt(),
                                null,
                                null));
                        // confirmed ones only from the third day on: their reminders lie ahead, never due at start-up
                        if (days == 4 && k == 0) {
                            scheduling.confirm(a.id(), ConfirmationMethod.PHONE);
                        }
                        booked++;
                    } catch (ProblemException e) {
                        // the patient is busy then; the demo does without this one
                    }
                }
            }
        }
        return booked;
    }
}
