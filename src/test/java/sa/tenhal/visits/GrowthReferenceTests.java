package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WHO percentile tables the growth chart draws: every month from birth (weight to 10 years, height to 19), five
 * percentiles rising, and values checked against WHO's published tables.
 */
class GrowthReferenceTests {

    static JsonNode table(String sex) throws Exception {
        try (InputStream in =
                GrowthReferenceTests.class.getResourceAsStream("/static/js/growth/who-" + sex + ".json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void everyMonthHasFiveRisingPercentiles() throws Exception {
        for (String sex : new String[] {"male", "female"}) {
            JsonNode t = table(sex);
            assertThat(t.get("weight")).hasSize(121);
            assertThat(t.get("height")).hasSize(229);
            for (String kind : new String[] {"weight", "height"}) {
                int month = 0;
                for (JsonNode row : t.get(kind)) {
                    assertThat(row.get(0).asInt()).as("%s %s month", sex, kind).isEqualTo(month++);
                    for (int i = 2; i <= 5; i++) {
                        assertThat(row.get(i).asDouble())
                                .isGreaterThan(row.get(i - 1).asDouble());
                    }
                }
            }
        }
    }

    @Test
    void theMediansAreWhos() throws Exception {
        // WHO Child Growth Standards: boys' weight P50 3.3 kg at birth and 18.3 kg at 60 months; girls' length P50
        // 49.1 cm at birth; WHO Reference 2007: boys' height P50 176.5 cm at 228 months
        assertThat(table("male").get("weight").get(0).get(3).asDouble()).isEqualTo(3.3);
        assertThat(table("male").get("weight").get(60).get(3).asDouble()).isEqualTo(18.3);
        assertThat(table("female").get("height").get(0).get(3).asDouble()).isEqualTo(49.1);
        assertThat(table("male").get("height").get(228).get(3).asDouble()).isEqualTo(176.5);
    }
}
