package sa.tenhal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;

/** 503 with a problem body while the node starts and while the database cannot be reached; nothing else changes. */
class ServiceAvailabilityTests {

    final ServiceAvailability filter = new ServiceAvailability();

    @Test
    void whileStartingOnlyTheProbesAreServed() throws Exception {
        MockHttpServletResponse page =
                run("/login", "text/html", (req, res) -> res.getWriter().write("sign in"));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
        assertThat(page.getContentAsString()).contains("Tenhal").doesNotContain("sign in");

        MockHttpServletResponse api = run("/api/v1/patients", "application/json", (req, res) -> {});
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("urn:tenhal:problem:starting", "\"status\":503");

        MockHttpServletResponse probe =
                run("/actuator/health/readiness", "application/json", (req, res) -> ((MockHttpServletResponse) res)
                        .setStatus(200));
        assertThat(probe.getStatus()).isEqualTo(200);

        filter.ready();
        assertThat(run("/login", "text/html", (req, res) -> res.getWriter().write("sign in"))
                        .getContentAsString())
                .isEqualTo("sign in");
    }

    @Test
    void aRequestThatFailsForWantOfTheDatabaseIs503WithAProblem() throws Exception {
        filter.ready();
        MockHttpServletResponse pool = run("/api/v1/patients", "application/json", (req, res) -> {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException(
                    "no connection", new SQLTransientConnectionException("timed out after 5000ms"));
        });
        assertThat(pool.getStatus()).isEqualTo(503);
        assertThat(pool.getContentAsString()).contains("urn:tenhal:problem:database-unavailable");

        // the database went away mid-transaction: Spring reports the failed rollback, not the original error
        MockHttpServletResponse rollback = run("/api/v1/patients", "application/json", (req, res) -> {
            throw new JpaSystemException(new RuntimeException(
                    "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));
        });
        assertThat(rollback.getStatus()).isEqualTo(503);

        assertThatThrownBy(() -> run("/api/v1/patients", "application/json", (req, res) -> {
                    throw new DataIntegrityViolationException("duplicate");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void serverStatesOfAnUnreachableDatabaseAreRecognised() {
        assertThat(DatabaseUnavailable.is(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("I/O error", "08006")))
                .isTrue();
        assertThat(DatabaseUnavailable.is(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseUnavailable.is(new IllegalStateException("no"))).isFalse();
    }

    MockHttpServletResponse run(String path, String accept, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", accept);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
