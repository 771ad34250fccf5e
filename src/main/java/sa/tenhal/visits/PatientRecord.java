package sa.tenhal.visits;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's clinical record as the profile shows it: the latest visits (newest first) of all {@code visits}, the
 * problem list, the latest measurings of vitals (newest first) and the growth series (every measuring with a weight,
 * height or head circumference, oldest first, by clinic-local date).
 */
public record PatientRecord(
        List<TimelineEntry> timeline,
        long visits,
        List<ProblemView> problems,
        List<VitalsView> latestVitals,
        List<GrowthPoint> growth) {

    /** One measuring of growth. */
    public record GrowthPoint(LocalDate on, Double weightKg, Double heightCm, Double headCircumferenceCm) {}

    /**
     * The growth series as the page's chart reads it: {@code date,weight,height,head} per measuring, separated by
     * {@code ;}, an absent value empty — one attribute instead of an element per point.
     */
    public String growthData() {
        StringBuilder data = new StringBuilder(growth.size() * 28);
        for (GrowthPoint p : growth) {
            if (!data.isEmpty()) {
                data.append(';');
            }
            data.append(p.on())
                    .append(',')
                    .append(plain(p.weightKg()))
                    .append(',')
                    .append(plain(p.heightCm()))
                    .append(',')
                    .append(plain(p.headCircumferenceCm()));
        }
        return data.toString();
    }

    /** 12.5 as "12.5", 80 as "80" (the columns hold at most two decimals, which a double prints exactly). */
    private static String plain(Double value) {
        if (value == null) {
            return "";
        }
        long whole = (long) value.doubleValue();
        return whole == value ? Long.toString(whole) : value.toString();
    }
}
