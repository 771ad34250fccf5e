package sa.tenhal.referrals;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.platform.ClinicTime;

/**
 * The centre's closures (the scheduling module keeps them) as the service levels see them: a day is not a working
 * day when a closure of the whole centre covers all of it. A closure of one clinic does not stop the clock.
 */
@Component
class CentreClosedDays implements ServiceLevels.ClosedDays {

    private final Schedules schedules;
    private final ClinicTime time;

    CentreClosedDays(Schedules schedules, ClinicTime time) {
        this.schedules = schedules;
        this.time = time;
    }

    @Override
    public boolean isClosed(LocalDate day) {
        Instant start = day.atStartOfDay(time.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return schedules.closures(start).stream()
                .anyMatch(c -> c.clinicId() == null
                        && !c.startsAt().isAfter(start)
                        && !c.endsAt().isBefore(end));
    }
}
