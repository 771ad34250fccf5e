package sa.tenhal.referrals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;

/**
 * How long a receiving clinic has to answer, counted in the centre's working days: Sunday to Thursday, less the
 * centre's closures (the Eid days and the like). A referral made on any day is due by the end of the Nth working day
 * after that day — an urgent one made on Thursday afternoon is due by the end of Sunday.
 */
@Component
class ServiceLevels {

    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private final ClinicTime time;
    private final ClosedDays closures;

    ServiceLevels(ClinicTime time, ClosedDays closures) {
        this.time = time;
        this.closures = closures;
    }

    /** The end of the given number of working days after the day of {@code from}, in the clinic's time. */
    Instant workingDaysAfter(Instant from, int days) {
        LocalDate day = time.local(from).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(time.zone()).toInstant();
    }

    Instant respondBy(Instant createdAt, Urgency urgency) {
        return workingDaysAfter(createdAt, urgency.workingDaysToAccept());
    }

    boolean isWorkingDay(LocalDate day) {
        return !WEEKEND.contains(day.getDayOfWeek()) && !closures.isClosed(day);
    }

    /** Days the whole centre is closed, beyond the weekend. */
    interface ClosedDays {
        boolean isClosed(LocalDate day);
    }
}
