package sa.tenhal.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sa.tenhal.platform.ClinicTime;

/** Service levels count the centre's working days: Sunday to Thursday, less its closures. */
class ServiceLevelsTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    // Eid al-Adha closure in the table below: Tuesday 2026-05-26 to Thursday 2026-05-28.
    static final Set<LocalDate> CLOSED =
            Set.of(LocalDate.of(2026, 5, 26), LocalDate.of(2026, 5, 27), LocalDate.of(2026, 5, 28));

    final ServiceLevels levels = new ServiceLevels(new ClinicTime(Clock.systemUTC(), RIYADH), CLOSED::contains);

    @ParameterizedTest(name = "{2} made {0} is due by the end of {1}")
    @CsvSource({
        // made (Riyadh time),  last day to answer, urgency
        "2026-11-22T09:00, 2026-11-23, URGENT", // Sunday → Monday
        "2026-11-22T09:00, 2026-11-25, ROUTINE", // Sunday → Wednesday
        "2026-11-26T15:00, 2026-11-29, URGENT", // Thursday afternoon → Sunday, over the weekend
        "2026-11-25T10:00, 2026-11-30, ROUTINE", // Wednesday → Thursday, Sunday, Monday
        "2026-11-27T11:00, 2026-11-29, URGENT", // made on Friday → Sunday
        "2026-11-28T23:30, 2026-11-29, URGENT", // Saturday night → Sunday
        "2026-05-25T08:00, 2026-05-31, URGENT", // Monday before the Eid closure → the Sunday after
        "2026-05-24T08:00, 2026-06-01, ROUTINE", // Sunday → Monday, (closed Tue–Thu, weekend) Sunday, Monday
    })
    void aReferralIsDueByTheEndOfItsLastWorkingDay(LocalDateTime made, LocalDate lastDay, Urgency urgency) {
        Instant due = levels.respondBy(made.atZone(RIYADH).toInstant(), urgency);
        assertThat(due).isEqualTo(lastDay.plusDays(1).atStartOfDay(RIYADH).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"2026-11-27, false", "2026-11-28, false", "2026-11-29, true", "2026-05-27, false", "2026-05-24, true"})
    void fridaysSaturdaysAndClosuresAreNotWorkingDays(LocalDate day, boolean working) {
        assertThat(levels.isWorkingDay(day)).isEqualTo(working);
    }
}
