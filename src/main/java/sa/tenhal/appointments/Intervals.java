package sa.tenhal.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sorted, disjoint lists of intervals, searched by bisection (a provider's month is a few hundred entries). */
final class Intervals {

    private Intervals() {}

    /** Sorts and merges overlapping or touching intervals into a disjoint, sorted list. */
    static List<Interval> merge(List<Interval> intervals) {
        if (intervals.size() < 2) {
            return List.copyOf(intervals);
        }
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> out = new ArrayList<>();
        Instant start = sorted.get(0).start();
        Instant end = sorted.get(0).end();
        for (int i = 1; i < sorted.size(); i++) {
            Interval next = sorted.get(i);
            if (!next.start().isAfter(end)) {
                if (next.end().isAfter(end)) {
                    end = next.end();
                }
            } else {
                out.add(new Interval(start, end));
                start = next.start();
                end = next.end();
            }
        }
        out.add(new Interval(start, end));
        return out;
    }

    /** Whether {@code probe} overlaps any interval of a merged (sorted, disjoint) list. */
    static boolean overlapsAny(List<Interval> merged, Interval probe) {
        int i = firstEndingAfter(merged, probe.start());
        return i < merged.size() && merged.get(i).start().isBefore(probe.end());
    }

    /** Whether one interval of a merged list contains {@code probe} entirely. */
    static boolean containedInOne(List<Interval> merged, Interval probe) {
        int i = firstEndingAfter(merged, probe.start());
        return i < merged.size() && merged.get(i).contains(probe);
    }

    /** Index of the first interval whose end is after {@code t}; ends rise in a merged list. */
    private static int firstEndingAfter(List<Interval> merged, Instant t) {
        int lo = 0;
        int hi = merged.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (merged.get(mid).end().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
