package sa.tenhal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Times outside the years 0001 to 9999 are refused at the edge, with a reason; those inside pass. */
class TimeBoundsTests {

    @Test
    void instantsAndDatesOutsideTheYearsAreRefusedAndTheEdgesPass() {
        assertThat(TimeBounds.refusal(Instant.parse("0001-01-01T00:00:00Z"))).isNull();
        assertThat(TimeBounds.refusal(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isNull();
        assertThat(TimeBounds.refusal(Instant.parse("0001-01-01T00:00:00Z").minusNanos(1)))
                .isEqualTo("must lie in the years 0001 to 9999");
        assertThat(TimeBounds.refusal(Instant.parse("+10000-01-01T00:00:00Z"))).isNotNull();
        assertThat(TimeBounds.refusal(LocalDate.of(10000, 1, 1))).isNotNull();
        assertThat(TimeBounds.refusal(LocalDate.of(2026, 12, 5))).isNull();
        assertThat(TimeBounds.refusal("not a time")).isNull();
    }
}
