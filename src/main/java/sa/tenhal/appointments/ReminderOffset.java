package sa.tenhal.appointments;

import java.time.Duration;

/** The reminders before a confirmed appointment, and the suffix of their job instance ids. */
enum ReminderOffset {
    H24(Duration.ofHours(24), "24h"),
    H2(Duration.ofHours(2), "2h");

    final Duration before;
    final String suffix;

    ReminderOffset(Duration before, String suffix) {
        this.before = before;
        this.suffix = suffix;
    }
}
