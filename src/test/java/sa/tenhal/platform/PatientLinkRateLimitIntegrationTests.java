package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import sa.tenhal.Bodies;
import sa.tenhal.TenhalIntegrationTest;

@TenhalIntegrationTest
class PatientLinkRateLimitIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void oneLinkAnswersTwelveRequestsAMinuteThenSaysWaitInBothLanguages() {
        String token = SecretTokens.newSecret();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            statuses.add(mvc.get()
                    .uri("/p/test/{token}", token)
                    .with(from("10.0.0." + i)) // different addresses: only the link's limit applies
                    .exchange()
                    .getResponse()
                    .getStatus());
        }
        assertThat(statuses.subList(0, 12)).doesNotContain(429);
        assertThat(statuses.get(12)).isEqualTo(429);

        MvcTestResult refused =
                mvc.get().uri("/p/test/{token}", token).with(from("10.0.1.1")).exchange();
        assertThat(refused).hasStatus(429).headers().containsHeader("Retry-After");
        assertThat(Bodies.text(refused)).contains("محاولات كثيرة", "Too many attempts");

        // Another link from the same addresses is not affected.
        assertThat(mvc.get()
                        .uri("/p/test/{token}", SecretTokens.newSecret())
                        .with(from("10.0.0.1"))
                        .exchange()
                        .getResponse()
                        .getStatus())
                .isNotEqualTo(429);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
