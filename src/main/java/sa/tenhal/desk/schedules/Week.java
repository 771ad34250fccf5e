package sa.tenhal.desk.schedules;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** The Saudi week, Sunday first, with each day's name in the page's language. */
public final class Week {

    public record Day(DayOfWeek day, String name) {}

    private static final List<DayOfWeek> ORDER = List.of(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY,
            DayOfWeek.SATURDAY);

    private Week() {}

    public static List<Day> days(Locale locale) {
        return ORDER.stream()
                .map(d -> new Day(d, d.getDisplayName(TextStyle.FULL, locale)))
                .toList();
    }

    public static int position(DayOfWeek day) {
        return ORDER.indexOf(day);
    }
}
