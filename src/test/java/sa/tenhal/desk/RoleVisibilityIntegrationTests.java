package sa.tenhal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientRegistry;

/**
 * Each role opens only its pages (403 otherwise). What each role sees of a patient's profile, section by section, is
 * {@code NeedToKnowIntegrationTests}'s (a clinician's care team decides there too).
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleVisibilityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    PatientRegistry patients;

    final Map<Role, Cookie> sessions = new EnumMap<>(Role.class);

    @BeforeAll
    void signInEveryRole() {
        for (Role role : Role.values()) {
            sessions.put(role, Pages.signIn(mvc, staff.as(role)));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // path,               ADMIN, MANAGER, RECEPTIONIST, PROVIDER, NURSE, FINANCE
        "/,                    200, 200, 200, 200, 200, 200",
        "/desk,                200, 200, 200, 403, 403, 403",
        "/book,                200, 200, 200, 403, 403, 403",
        "/calendar,            200, 200, 200, 200, 200, 403",
        "/my-day,              200, 200, 403, 200, 200, 403",
        "/referrals,           200, 200, 200, 200, 200, 403",
        "/finance,             200, 200, 200, 403, 403, 200",
        "/finance/reports,     200, 200, 403, 403, 403, 200",
        "/finance/imports,     200, 200, 403, 403, 403, 200",
        "/dashboard,           200, 200, 403, 403, 403, 403",
        "/admin,               200, 200, 403, 403, 403, 403",
        "/admin/schedules,     200, 200, 403, 403, 403, 403",
        "/admin/users,         200, 403, 403, 403, 403, 403",
        "/admin/audit,         200, 403, 403, 403, 403, 403",
        "/patients,            200, 200, 200, 200, 200, 200",
        "/inbox,               200, 200, 200, 200, 200, 200",
    })
    void eachRoleOpensOnlyItsPages(
            String path, int admin, int manager, int reception, int provider, int nurse, int finance) {
        Map<Role, Integer> expected = Map.of(
                Role.ADMIN, admin,
                Role.MANAGER, manager,
                Role.RECEPTIONIST, reception,
                Role.PROVIDER, provider,
                Role.NURSE, nurse,
                Role.FINANCE, finance);
        expected.forEach((role, status) -> assertThat(mvc.get()
                        .uri(path)
                        .cookie(sessions.get(role))
                        .exchange()
                        .getResponse()
                        .getStatus())
                .as("%s opens %s", role, path)
                .isEqualTo(status));
    }
}
