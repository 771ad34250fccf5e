package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;

/** The slot rules without a database: working hours, time off, closures, buffers, rooms, any provider. */
class SlotFinderTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    static final ProviderId REEM = new ProviderId(UUID.randomUUID());
    static final ProviderId YOUSEF = new ProviderId(UUID.randomUUID());
    static final ClinicId SLP = new ClinicId(UUID.randomUUID());
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    static Instant at(int hour, int minute) {
        return SUNDAY.atTime(hour, minute).atZone(RIYADH).toInstant();
    }

    static Interval between(int h1, int m1, int h2, int m2) {
        return new Interval(at(h1, m1), at(h2, m2));
    }

    static SlotFinder.Request request(int minutes, int buffer) {
        return new SlotFinder.Request(
                Duration.ofMinutes(minutes), Duration.ofMinutes(buffer), Duration.ofMinutes(15), LONG_AGO);
    }

    static List<Interval> morning() {
        return List.of(between(8, 0, 10, 0));
    }

    static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::startsAt).toList();
    }

    @Test
    void slotsFillTheWorkingHoursOnTheGridAndEndInsideThem() {
        List<Slot> slots = SlotFinder.find(
                request(45, 0),
                List.of(new SlotFinder.Candidate(REEM, morning(), List.of(), List.of())),
                null,
                List.of());
        assertThat(starts(slots)).containsExactly(at(8, 0), at(8, 15), at(8, 30), at(8, 45), at(9, 0), at(9, 15));
        assertThat(slots.get(5).endsAt()).isEqualTo(at(10, 0));
    }

    @Test
    void theBufferAfterAnAppointmentKeepsTheProviderBusy() {
        // booked 08:00–08:45 with a 15-minute buffer: busy until 09:00
        List<Slot> slots = SlotFinder.find(
                request(45, 15),
                List.of(new SlotFinder.Candidate(REEM, morning(), List.of(), List.of(between(8, 0, 9, 0)))),
                null,
                List.of());
        // a new slot also needs its own buffer before the next busy time; nothing here follows, so 09:00 fits
        assertThat(starts(slots)).containsExactly(at(9, 0), at(9, 15));
    }

    @Test
    void aSlotsOwnBufferMustNotRunIntoTheNextAppointment() {
        List<Slot> slots = SlotFinder.find(
                request(30, 15),
                List.of(new SlotFinder.Candidate(REEM, morning(), List.of(), List.of(between(9, 0, 9, 45)))),
                null,
                List.of());
        // 08:15 + 30 min + 15 buffer = 09:00: fits; 08:30 would run its buffer into 09:00
        assertThat(starts(slots)).containsExactly(at(8, 0), at(8, 15));
    }

    @Test
    void timeOffAndClosuresRemoveSlots() {
        List<Slot> slots = SlotFinder.find(
                request(60, 0),
                List.of(new SlotFinder.Candidate(
                        REEM, List.of(between(8, 0, 12, 0)), List.of(between(9, 0, 11, 0)), List.of())),
                null,
                List.of());
        assertThat(starts(slots)).containsExactly(at(8, 0), at(11, 0));

        List<Slot> closed = SlotFinder.find(
                request(60, 0),
                List.of(new SlotFinder.Candidate(
                        REEM, List.of(between(8, 0, 12, 0)), List.of(new Interval(at(0, 0), at(23, 59))), List.of())),
                null,
                List.of());
        assertThat(closed).isEmpty();
    }

    @Test
    void aServiceThatNeedsARoomGetsTheFirstFreeRoomOfItsKindOrNoSlot() {
        RoomId s1 = new RoomId(UUID.randomUUID());
        RoomId s2 = new RoomId(UUID.randomUUID());
        var provider = new SlotFinder.Candidate(REEM, List.of(between(8, 0, 9, 0)), List.of(), List.of());
        List<Slot> slots = SlotFinder.find(
                request(60, 0),
                List.of(provider),
                List.of(
                        new SlotFinder.RoomCandidate(s1, List.of(between(8, 0, 9, 0))),
                        new SlotFinder.RoomCandidate(s2, List.of())),
                List.of());
        assertThat(slots).singleElement().extracting(Slot::roomId).isEqualTo(s2);

        List<Slot> none = SlotFinder.find(
                request(60, 0),
                List.of(provider),
                List.of(new SlotFinder.RoomCandidate(s1, List.of(between(8, 30, 8, 45)))),
                List.of());
        assertThat(none).isEmpty();

        // the clinic has no room of the kind at all
        assertThat(SlotFinder.find(request(60, 0), List.of(provider), List.of(), List.of()))
                .isEmpty();
    }

    @Test
    void anyProviderOffersEachProvidersFreeTimeInStartOrder() {
        List<Slot> slots = SlotFinder.find(
                request(60, 0),
                List.of(
                        new SlotFinder.Candidate(REEM, List.of(between(8, 0, 9, 0)), List.of(), List.of()),
                        new SlotFinder.Candidate(
                                YOUSEF, List.of(between(8, 0, 10, 0)), List.of(), List.of(between(8, 0, 9, 0)))),
                null,
                List.of());
        assertThat(slots)
                .extracting(Slot::providerId, Slot::startsAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(REEM, at(8, 0)),
                        org.assertj.core.groups.Tuple.tuple(YOUSEF, at(9, 0)));
    }

    @Test
    void thePatientsOwnAppointmentsAndThePastAreNotOffered() {
        List<Slot> slots = SlotFinder.find(
                new SlotFinder.Request(Duration.ofMinutes(60), Duration.ZERO, Duration.ofMinutes(60), at(8, 30)),
                List.of(new SlotFinder.Candidate(REEM, List.of(between(8, 0, 12, 0)), List.of(), List.of())),
                null,
                List.of(between(10, 0, 10, 30)));
        assertThat(starts(slots)).containsExactly(at(9, 0), at(11, 0));
    }

    @Test
    void weeklyRulesApplyOnTheirDaysWithinTheirValidity() {
        var rule = new WeeklyInterval(
                UUID.randomUUID(),
                REEM,
                SLP,
                DayOfWeek.SUNDAY,
                LocalTime.of(8, 0),
                LocalTime.of(12, 0),
                SUNDAY,
                SUNDAY.plusDays(7));
        List<Interval> intervals =
                WeeklyInterval.expand(List.of(rule), SUNDAY.minusDays(7), SUNDAY.plusDays(14), RIYADH);
        assertThat(intervals)
                .containsExactly(
                        new Interval(at(8, 0), at(12, 0)),
                        new Interval(
                                at(8, 0).plus(Duration.ofDays(7)), at(12, 0).plus(Duration.ofDays(7))));
        // Riyadh is UTC+3: 08:00 local is 05:00 UTC
        assertThat(intervals.get(0).start()).isEqualTo(Instant.parse("2026-11-22T05:00:00Z"));
    }

    @Test
    void intervalsMergeAndAnswerOverlapAndContainment() {
        List<Interval> merged =
                Intervals.merge(List.of(between(9, 0, 10, 0), between(8, 0, 9, 0), between(11, 0, 12, 0)));
        assertThat(merged).containsExactly(between(8, 0, 10, 0), between(11, 0, 12, 0));
        assertThat(Intervals.overlapsAny(merged, between(10, 0, 11, 0))).isFalse();
        assertThat(Intervals.overlapsAny(merged, between(9, 59, 11, 0))).isTrue();
        assertThat(Intervals.containedInOne(merged, between(8, 30, 9, 30))).isTrue();
        assertThat(Intervals.containedInOne(merged, between(9, 30, 11, 30))).isFalse();
    }
}
