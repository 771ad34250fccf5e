package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;

/**
 * A provider's working interval on one day of the week, in clinic-local time, valid from a date until a date
 * (inclusive; open-ended when {@code validTo} is null).
 */
public record WeeklyInterval(
        UUID id,
        ProviderId providerId,
        ClinicId clinicId,
        DayOfWeek day,
        LocalTime starts,
        LocalTime ends,
        LocalDate validFrom,
        LocalDate validTo) {

    boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek() == day && !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether two rules could both apply on some day and their hours overlap. */
    boolean clashesWith(WeeklyInterval other) {
        return day == other.day
                && starts.isBefore(other.ends)
                && other.starts.isBefore(ends)
                && (validTo == null || !other.validFrom.isAfter(validTo))
                && (other.validTo == null || !validFrom.isAfter(other.validTo));
    }

    /** The rules as concrete intervals on each date of {@code [from, to]}, sorted, in UTC instants. */
    static List<Interval> expand(Collection<WeeklyInterval> rules, LocalDate from, LocalDate to, ZoneId zone) {
        List<Interval> out = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (WeeklyInterval rule : rules) {
                if (rule.appliesOn(date)) {
                    out.add(new Interval(
                            date.atTime(rule.starts).atZone(zone).toInstant(),
                            date.atTime(rule.ends).atZone(zone).toInstant()));
                }
            }
        }
        return Intervals.merge(out);
    }
}
