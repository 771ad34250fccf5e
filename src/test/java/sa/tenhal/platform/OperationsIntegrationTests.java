package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

/** What operators and load balancers see: health probes for anyone, metrics for admins. */
@TenhalIntegrationTest
class OperationsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Test
    void livenessAndReadinessAreOpen() {
        assertThat(mvc.get().uri("/actuator/health/liveness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().doesNotHavePath("$.components");
    }

    @Test
    void prometheusMetricsNeedAnAdminToken() {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401);
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.RECEPTIONIST).bearer()))
                .hasStatus(403);
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, staff.as(Role.ADMIN).bearer()))
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes", "hikaricp_connections");
    }
}
