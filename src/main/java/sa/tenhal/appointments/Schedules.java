package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.caching.SharedCaches;

/**
 * The seed's ScheduleService: providers' weekly working hours, their time off, and centre closures. People give local
 * dates and times (the clinic's zone); time off and closures are stored as UTC instants.
 */
@Service
@Transactional
public class Schedules {

    /** The Saudi working week, the default when a weekly schedule names no days. */
    public static final Set<DayOfWeek> DEFAULT_WEEK =
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);

    private final WorkingHoursRepository hours;
    private final TimeOffRepository timeOff;
    private final ClosureRepository closures;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final String centreCode;
    private final SharedCaches caches;

    Schedules(
            WorkingHoursRepository hours,
            TimeOffRepository timeOff,
            ClosureRepository closures,
            ClinicCatalog catalog,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode,
            SharedCaches caches) {
        this.caches = caches;
        this.hours = hours;
        this.timeOff = timeOff;
        this.closures = closures;
        this.catalog = catalog;
        this.time = time;
        this.centreCode = centreCode;
    }

    /** A weekly schedule: the same intervals on each of {@code days} (Sunday to Thursday when empty). */
    public record WeeklySchedule(
            ClinicId clinicId,
            LocalDate validFrom,
            LocalDate validTo,
            Set<DayOfWeek> days,
            List<TimeRange> intervals) {}

    /** A local time range within a day. */
    public record TimeRange(LocalTime starts, LocalTime ends) {}

    /**
     * The seed's create_schedule: adds weekly working intervals for a provider. Refused (422, every problem listed)
     * when an interval ends before it starts, the validity is reversed, the provider does not work in the clinic, or
     * an interval overlaps hours the provider already has on that day.
     */
    public List<WeeklyInterval> addWorkingHours(ProviderId providerId, WeeklySchedule schedule) {
        caches.changed(ScheduleRules.REGION);
        ProviderDetails provider = catalog.provider(providerId);
        List<FieldProblem> problems = new ArrayList<>();
        if (schedule.clinicId() == null) {
            problems.add(new FieldProblem("clinicId", "is required"));
        } else if (!provider.worksIn(schedule.clinicId())) {
            problems.add(new FieldProblem("clinicId", "the provider does not work in this clinic"));
        }
        if (schedule.validFrom() == null) {
            problems.add(new FieldProblem("validFrom", "is required"));
        } else if (schedule.validTo() != null && schedule.validTo().isBefore(schedule.validFrom())) {
            problems.add(new FieldProblem("validTo", "must not be before validFrom"));
        }
        if (schedule.intervals() == null || schedule.intervals().isEmpty()) {
            problems.add(new FieldProblem("intervals", "at least one interval is required"));
        } else {
            for (int i = 0; i < schedule.intervals().size(); i++) {
                TimeRange range = schedule.intervals().get(i);
                if (range == null || range.starts() == null || range.ends() == null) {
                    problems.add(new FieldProblem("intervals[" + i + "]", "starts and ends are required"));
                } else if (!range.ends().isAfter(range.starts())) {
                    problems.add(new FieldProblem("intervals[" + i + "].ends", "must be after starts"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Set<DayOfWeek> days = schedule.days() == null || schedule.days().isEmpty() ? DEFAULT_WEEK : schedule.days();
        Instant now = time.now();
        List<WorkingHours> added = new ArrayList<>();
        for (DayOfWeek day : days) {
            for (TimeRange range : schedule.intervals()) {
                added.add(new WorkingHours(
                        providerId,
                        schedule.clinicId(),
                        day,
                        range.starts(),
                        range.ends(),
                        schedule.validFrom(),
                        schedule.validTo(),
                        now));
            }
        }
        List<WeeklyInterval> existing = workingHours(providerId);
        List<WeeklyInterval> fresh = added.stream().map(WorkingHours::rule).toList();
        for (int i = 0; i < fresh.size(); i++) {
            for (WeeklyInterval other : existing) {
                if (fresh.get(i).clashesWith(other)) {
                    throw new ConflictException(
                                    "working-hours-overlap",
                                    "Overlapping working hours",
                                    "The provider already works " + other.day() + " " + other.starts() + "–"
                                            + other.ends() + " from " + other.validFrom())
                            .with("existing", other.id());
                }
            }
            for (int j = 0; j < i; j++) {
                if (fresh.get(i).clashesWith(fresh.get(j))) {
                    throw new InvalidFieldsException("intervals", "the intervals overlap each other");
                }
            }
        }
        hours.saveAll(added);
        return fresh;
    }

    @Transactional(readOnly = true)
    public List<WeeklyInterval> workingHours(ProviderId provider) {
        return hours.ofProviders(List.of(provider.value())).stream()
                .map(WorkingHours::rule)
                .sorted(Comparator.comparing((WeeklyInterval w) -> (w.day().getValue() % 7))
                        .thenComparing(WeeklyInterval::starts))
                .toList();
    }

    public void removeWorkingHours(ProviderId provider, UUID id) {
        caches.changed(ScheduleRules.REGION);
        WorkingHours found = hours.findById(id)
                .filter(w -> w.rule().providerId().equals(provider))
                .orElseThrow(() -> new NotFoundException("Working hours", id));
        hours.delete(found);
    }

    public TimeOffDetails addTimeOff(ProviderId providerId, Instant startsAt, Instant endsAt, String reason) {
        caches.changed(ScheduleRules.REGION);
        catalog.provider(providerId);
        List<FieldProblem> problems = new ArrayList<>();
        if (startsAt == null) {
            problems.add(new FieldProblem("startsAt", "is required"));
        }
        if (endsAt == null) {
            problems.add(new FieldProblem("endsAt", "is required"));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (reason.length() > 200) {
            problems.add(new FieldProblem("reason", "at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return timeOff.save(
                        new TimeOff(providerId, startsAt, endsAt, reason.strip(), Actor.currentUserId(), time.now()))
                .details();
    }

    @Transactional(readOnly = true)
    public List<TimeOffDetails> timeOff(ProviderId provider, Instant from, Instant to) {
        return timeOff.ofProvidersBetween(List.of(provider.value()), from, to).stream()
                .map(TimeOff::details)
                .toList();
    }

    public void removeTimeOff(ProviderId provider, UUID id) {
        caches.changed(ScheduleRules.REGION);
        TimeOff found = timeOff.findById(id)
                .filter(t -> t.details().providerId().equals(provider))
                .orElseThrow(() -> new NotFoundException("Time off", id));
        timeOff.delete(found);
    }

    /** Closes the centre (or one clinic) from the start of {@code from} to the end of {@code to}, local dates. */
    public ClosureDetails addClosure(ClinicId clinic, LocalDate from, LocalDate to, String reason) {
        caches.changed(ScheduleRules.REGION);
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (reason.length() > 200) {
            problems.add(new FieldProblem("reason", "at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        String centre = centreCode;
        if (clinic != null) {
            ClinicDetails details = catalog.clinic(clinic);
            centre = details.centreCode();
        } else {
            // the centre this node serves must be in the catalogue: a 404 that names it, not a failed statement
            catalog.centre(centre);
        }
        Instant start = from.atStartOfDay(time.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return closures.save(new Closure(centre, clinic, start, end, reason.strip(), Actor.currentUserId(), time.now()))
                .details();
    }

    @Transactional(readOnly = true)
    public List<ClosureDetails> closures(Instant from) {
        return closures.endingAfter(centreCode, from).stream()
                .map(Closure::details)
                .toList();
    }

    public void removeClosure(UUID id) {
        caches.changed(ScheduleRules.REGION);
        closures.delete(closures.findById(id).orElseThrow(() -> new NotFoundException("Closure", id)));
    }
}
