package sa.tenhal.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.caching.SharedCache;
import sa.tenhal.platform.caching.SharedCaches;

/**
 * Providers' working hours and time off and the centre's closures as every booking and every slot search reads them:
 * cached per provider and per centre on each node, and cleared on every node by each change through
 * {@link Schedules} ({@link SharedCaches}, region {@value #REGION}).
 *
 * <p>Time off and closures are cached from a week before the time they were read, since bookings and searches look
 * forward; an older range is read from the tables.
 */
@Component
class ScheduleRules {

    /** The cache region that {@link Schedules} announces changes of. */
    static final String REGION = "schedules";

    private static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

    private final WorkingHoursRepository hours;
    private final TimeOffRepository timeOff;
    private final ClosureRepository closures;
    private final ClinicTime time;
    private final SharedCache<UUID, ProviderRules> providers;
    private final SharedCache<String, CentreRules> centres;

    ScheduleRules(
            WorkingHoursRepository hours,
            TimeOffRepository timeOff,
            ClosureRepository closures,
            ClinicTime time,
            SharedCaches caches) {
        this.hours = hours;
        this.timeOff = timeOff;
        this.closures = closures;
        this.time = time;
        this.providers = caches.cache(REGION, 10_000, Duration.ofMinutes(10));
        this.centres = caches.cache(REGION, 100, Duration.ofMinutes(10));
    }

    /** A provider's weekly hours in every clinic, and their time off from {@code since} on. */
    private record ProviderRules(List<WeeklyInterval> weekly, Instant since, List<TimeOffDetails> timeOff) {

        static ProviderRules of(List<WeeklyInterval> weekly, Instant since, List<TimeOff> timeOff) {
            return new ProviderRules(
                    weekly, since, timeOff.stream().map(TimeOff::details).toList());
        }
    }

    /** A centre's closures (of the whole centre or of one clinic) from {@code since} on. */
    private record CentreRules(Instant since, List<ClosureDetails> closures) {}

    /** The provider's weekly hours in the clinic. */
    List<WeeklyInterval> weekly(UUID provider, ClinicId clinic) {
        return of(provider).weekly().stream()
                .filter(r -> r.clinicId().equals(clinic))
                .toList();
    }

    /** The provider's time off overlapping {@code [from, to)}, in start order. */
    List<TimeOffDetails> timeOff(UUID provider, Instant from, Instant to) {
        ProviderRules rules = of(provider);
        if (from.isBefore(rules.since())) {
            return timeOff.ofProvidersBetween(List.of(provider), from, to).stream()
                    .map(TimeOff::details)
                    .toList();
        }
        return rules.timeOff().stream()
                .filter(t -> t.startsAt().isBefore(to) && t.endsAt().isAfter(from))
                .toList();
    }

    /** The closures of the centre, or of this clinic, overlapping {@code [from, to)}, in start order. */
    List<ClosureDetails> closures(String centre, ClinicId clinic, Instant from, Instant to) {
        CentreRules rules = centres.get(centre, code -> {
            Instant since = time.now().minus(LOOK_BACK);
            return new CentreRules(
                    since,
                    closures.endingAfter(code, since).stream()
                            .map(Closure::details)
                            .toList());
        });
        if (from.isBefore(rules.since())) {
            return closures.affecting(centre, clinic.value(), from, to).stream()
                    .map(Closure::details)
                    .toList();
        }
        return rules.closures().stream()
                .filter(c -> c.clinicId() == null || c.clinicId().equals(clinic))
                .filter(c -> c.startsAt().isBefore(to) && c.endsAt().isAfter(from))
                .toList();
    }

    /** Loads the rules of the providers not cached yet in one query each, for "any provider" searches. */
    void preload(Collection<UUID> ids) {
        List<UUID> missing =
                ids.stream().filter(id -> providers.getIfPresent(id) == null).toList();
        if (missing.size() < 2) {
            return;
        }
        long generation = providers.generation();
        Instant since = time.now().minus(LOOK_BACK);
        var weekly = hours.ofProviders(missing).stream()
                .map(WorkingHours::rule)
                .collect(java.util.stream.Collectors.groupingBy(
                        r -> r.providerId().value()));
        var off = timeOff.ofProvidersBetween(missing, since, FOREVER).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        t -> t.details().providerId().value()));
        for (UUID id : missing) {
            providers.put(
                    id,
                    ProviderRules.of(weekly.getOrDefault(id, List.of()), since, off.getOrDefault(id, List.of())),
                    generation);
        }
    }

    private ProviderRules of(UUID provider) {
        return providers.get(provider, id -> {
            Instant since = time.now().minus(LOOK_BACK);
            return ProviderRules.of(
                    hours.ofProvider(id).stream().map(WorkingHours::rule).toList(),
                    since,
                    timeOff.ofProviderEndingAfter(id, since));
        });
    }
}
