package sa.tenhal.visits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * One measuring of vitals and measurements, each in its unit and inside a plausible range (for children and adults
 * alike): a value outside it is refused with a problem that names the field, its unit and the range. Any value may
 * be absent, but not all of them; blood pressure comes as both numbers, systolic above diastolic.
 *
 * @param weightKg weight in kilograms, 0.3–300
 * @param heightCm height or length in centimetres, 25–250
 * @param headCircumferenceCm head circumference in centimetres, 20–70
 * @param temperatureC body temperature in °C, 30–45
 * @param heartRate beats per minute, 20–250
 * @param respiratoryRate breaths per minute, 4–100
 * @param systolic mmHg, 40–260
 * @param diastolic mmHg, 20–180
 * @param spo2 oxygen saturation in percent, 50–100
 */
public record Vitals(
        BigDecimal weightKg,
        BigDecimal heightCm,
        BigDecimal headCircumferenceCm,
        BigDecimal temperatureC,
        Integer heartRate,
        Integer respiratoryRate,
        Integer systolic,
        Integer diastolic,
        Integer spo2) {

    /** A measurement's unit and plausible range. */
    public record Range(String field, String unit, BigDecimal min, BigDecimal max) {

        boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /** Every measurement's unit and range, in the order forms show them. */
    public static final List<Range> RANGES = List.of(
            range("weightKg", "kg", "0.3", "300"),
            range("heightCm", "cm", "25", "250"),
            range("headCircumferenceCm", "cm", "20", "70"),
            range("temperatureC", "°C", "30", "45"),
            range("heartRate", "/min", "20", "250"),
            range("respiratoryRate", "/min", "4", "100"),
            range("systolic", "mmHg", "40", "260"),
            range("diastolic", "mmHg", "20", "180"),
            range("spo2", "%", "50", "100"));

    public Vitals {
        List<FieldProblem> problems = new ArrayList<>();
        Object[] values = {
            weightKg, heightCm, headCircumferenceCm, temperatureC, heartRate, respiratoryRate, systolic, diastolic, spo2
        };
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            any = true;
            Range range = RANGES.get(i);
            BigDecimal value = values[i] instanceof BigDecimal d ? d : BigDecimal.valueOf(((Integer) values[i]));
            if (!range.contains(value)) {
                problems.add(new FieldProblem(
                        range.field(),
                        "must be between " + range.min().toPlainString() + " and "
                                + range.max().toPlainString() + " " + range.unit()));
            }
        }
        if (!any) {
            problems.add(new FieldProblem("vitals", "must contain at least one measurement"));
        }
        if ((systolic == null) != (diastolic == null)) {
            problems.add(new FieldProblem(
                    systolic == null ? "systolic" : "diastolic", "blood pressure needs both systolic and diastolic"));
        } else if (systolic != null && systolic <= diastolic) {
            problems.add(new FieldProblem("diastolic", "must be below systolic"));
        }
        if (weightKg != null && weightKg.scale() > 3
                || heightCm != null && heightCm.scale() > 1
                || headCircumferenceCm != null && headCircumferenceCm.scale() > 1
                || temperatureC != null && temperatureC.scale() > 1) {
            problems.add(new FieldProblem(
                    firstTooPrecise(weightKg, heightCm, headCircumferenceCm, temperatureC), "has too many decimals"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static String firstTooPrecise(BigDecimal w, BigDecimal h, BigDecimal head, BigDecimal t) {
        if (w != null && w.scale() > 3) {
            return "weightKg";
        }
        if (h != null && h.scale() > 1) {
            return "heightCm";
        }
        if (head != null && head.scale() > 1) {
            return "headCircumferenceCm";
        }
        return "temperatureC";
    }

    /** The names of the measurements this measuring has. */
    public Set<String> measured() {
        Object[] values = {
            weightKg, heightCm, headCircumferenceCm, temperatureC, heartRate, respiratoryRate, systolic, diastolic, spo2
        };
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                names.add(RANGES.get(i).field());
            }
        }
        return names;
    }

    private static Range range(String field, String unit, String min, String max) {
        return new Range(field, unit, new BigDecimal(min), new BigDecimal(max));
    }
}
