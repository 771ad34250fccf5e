package sa.tenhal.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;

/**
 * The seed's get_available_slots as a pure function of what the database holds, so the rules are tested without it.
 * A slot at {@code s} is free when {@code s} (inclusive) to {@code s + duration} (exclusive) lies inside one of the provider's working intervals,
 * overlaps none of their time off, no closure and none of the patient's appointments, and {@code s} (inclusive) to {@code s + duration +
 * buffer} (exclusive) overlaps none of the provider's appointments and leaves a room of the needed kind free. Candidate starts are
 * every {@code step} from each working interval's start.
 */
final class SlotFinder {

    /** What is asked: the service's duration and buffer, the start grid, and the earliest start (now). */
    record Request(Duration duration, Duration buffer, Duration step, Instant notBefore) {

        Request {
            if (duration.isZero() || duration.isNegative() || step.isZero() || step.isNegative()) {
                throw new IllegalArgumentException("duration and step are positive");
            }
        }
    }

    /** One provider's day (or days): working intervals, unavailable time (time off, closures), busy time. */
    record Candidate(ProviderId provider, List<Interval> working, List<Interval> unavailable, List<Interval> busy) {

        Candidate {
            working = Intervals.merge(working);
            unavailable = Intervals.merge(unavailable);
            busy = Intervals.merge(busy);
        }
    }

    /** A room of the needed kind with its busy time. */
    record RoomCandidate(RoomId room, List<Interval> busy) {

        RoomCandidate {
            busy = Intervals.merge(busy);
        }
    }

    private SlotFinder() {}

    /**
     * Free slots, by start time then in the order the providers were given.
     *
     * @param rooms the rooms of the kind the service needs, or null when it needs no room
     * @param patientBusy the patient's own appointments (empty when no patient is named)
     */
    static List<Slot> find(
            Request request, List<Candidate> providers, List<RoomCandidate> rooms, List<Interval> patientBusy) {
        List<Interval> patient = Intervals.merge(patientBusy);
        List<Slot> out = new ArrayList<>();
        for (Candidate candidate : providers) {
            for (Interval working : candidate.working()) {
                Instant s = working.start();
                while (!s.plus(request.duration()).isAfter(working.end())) {
                    if (!s.isBefore(request.notBefore())) {
                        Interval visit = new Interval(s, s.plus(request.duration()));
                        Interval busy = new Interval(s, visit.end().plus(request.buffer()));
                        if (!Intervals.overlapsAny(candidate.unavailable(), visit)
                                && !Intervals.overlapsAny(patient, visit)
                                && !Intervals.overlapsAny(candidate.busy(), busy)) {
                            RoomId room = freeRoom(rooms, busy);
                            if (rooms == null || room != null) {
                                out.add(new Slot(candidate.provider(), room, visit.start(), visit.end()));
                            }
                        }
                    }
                    s = s.plus(request.step());
                }
            }
        }
        // stable: providers keep their given order within one start time
        out.sort(Comparator.comparing(Slot::startsAt));
        return out;
    }

    /** The first room (in the given order) free for {@code busy}; null if none is, or if no room is needed. */
    static RoomId freeRoom(List<RoomCandidate> rooms, Interval busy) {
        if (rooms == null) {
            return null;
        }
        for (RoomCandidate room : rooms) {
            if (!Intervals.overlapsAny(room.busy(), busy)) {
                return room.room();
            }
        }
        return null;
    }
}
