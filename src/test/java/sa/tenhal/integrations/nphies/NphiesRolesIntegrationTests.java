package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;

/**
 * Who sees what of NPHIES, as a table (docs/nphies.md): finance sees claims (with the diagnoses the claim carries) but
 * not appointments' eligibility; reception sees and asks for eligibility and authorisation, never claims or
 * diagnoses; the care team's clinicians read eligibility and authorisation of their patients; managers and admins all.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NphiesRolesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Insurance insurance;

    final Map<Role, Caller> callers = new EnumMap<>(Role.class);
    AppointmentDetails appointment;
    UUID claim;

    @BeforeAll
    void setUp() {
        NphiesFixture f = NphiesFixture.in(context);
        PatientDetails child = f.insured(1);
        appointment = f.book(child);
        InvoiceView insurer = f.completedVisit(child, List.of("F80.1"));
        claim = await().atMost(Duration.ofSeconds(90))
                .until(() -> insurance.claimsOfInvoice(insurer.id()), l -> !l.isEmpty())
                .get(0)
                .id();
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.FINANCE)) {
            callers.put(role, staff.as(role));
        }
        // the speech clinic's therapist and nurse look after the child
        callers.put(Role.PROVIDER, f.visit.centre.speechTherapist());
        callers.put(Role.NURSE, f.visit.nurse);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // role,       appointment's insurance, check, claims, claim, diagnoses on the claim
        "ADMIN,        200,                     201,   200,    200,   true",
        "MANAGER,      200,                     201,   200,    200,   true",
        "RECEPTIONIST, 200,                     201,   403,    403,   false",
        "FINANCE,      403,                     403,   200,    200,   true",
        "PROVIDER,     200,                     403,   403,    403,   false",
        "NURSE,        200,                     403,   403,    403,   false",
    })
    void eachRoleSeesItsPartOfNphies(
            Role role, int appointmentInsurance, int check, int claims, int claimStatus, boolean diagnoses) {
        Caller caller = callers.get(role);
        String id = appointment.id().value().toString();

        MvcTestResult insuranceOf = get(caller, "/api/v1/appointments/" + id + "/insurance");
        assertThat(insuranceOf)
                .as("appointment's eligibility and authorisation")
                .hasStatus(appointmentInsurance);
        if (appointmentInsurance == 200) {
            // never a diagnosis with eligibility and authorisation
            assertThat(Bodies.<List<List<?>>>read(insuranceOf, "$[*].diagnoses"))
                    .allMatch(List::isEmpty);
        }
        assertThat(post(caller, "/api/v1/appointments/" + id + "/eligibility-checks"))
                .as("check eligibility")
                .hasStatus(check);
        assertThat(get(caller, "/api/v1/nphies/claims")).as("claims work-list").hasStatus(claims);
        MvcTestResult one = get(caller, "/api/v1/nphies/claims/" + claim);
        assertThat(one).as("a claim").hasStatus(claimStatus);
        if (diagnoses) {
            assertThat(Bodies.<List<String>>read(one, "$.diagnoses")).containsExactly("F80.1");
        }
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }

    private MvcTestResult post(Caller caller, String uri) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }
}
