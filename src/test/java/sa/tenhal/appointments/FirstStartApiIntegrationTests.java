package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/**
 * What a newcomer meets on the first start (issue 20): the slots accept the ISO date-times the rest of the API takes,
 * the patient search and the patient list answer in one shape, and there is a favicon.
 */
@TenhalIntegrationTest
class FirstStartApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Schedules schedules;

    @Autowired
    PatientRegistry patients;

    @Test
    void slotsAcceptDatesAndIsoDateTimes() {
        SchedulingFixture fx = new SchedulingFixture(admin, schedules, staff);
        ClinicId clinic = fx.clinic("FS");
        ServiceId service = fx.service(clinic, "FS-S", 45, 15, null);
        ProviderId provider = fx.provider(clinic);
        LocalDate sunday = SchedulingFixture.sunday(3);
        Caller reception = staff.as(Role.RECEPTIONIST);

        List<String> day = starts(reception, service, provider, sunday.toString(), sunday.toString());
        assertThat(day).contains(SchedulingFixture.at(sunday, 8, 0).toString());

        // 10:00 to 13:30 Riyadh, written with Z and with an offset
        String from = SchedulingFixture.at(sunday, 10, 0).toString(); // …T07:00:00Z
        String to = sunday + "T13:30:00+03:00";
        List<String> window = starts(reception, service, provider, from, to);
        assertThat(window)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(java.time.Instant.parse(s))
                        .isBetween(SchedulingFixture.at(sunday, 10, 0), SchedulingFixture.at(sunday, 13, 29)))
                .contains(
                        SchedulingFixture.at(sunday, 10, 0).toString(),
                        SchedulingFixture.at(sunday, 13, 0).toString());

        MvcTestResult bad = mvc.get()
                .uri("/api/v1/slots?serviceId={s}&from=tomorrow&to={t}", service.value(), sunday)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(bad).hasStatus(400);
        assertThat(Bodies.<String>read(bad, "$.field")).isEqualTo("from");
    }

    @Test
    void thePatientSearchAndThePatientListAnswerInOneShape() {
        PatientDetails patient = patients.register(TestPatientForms.adult(), true, "RYD");
        Caller reception = staff.as(Role.RECEPTIONIST);
        MvcTestResult search = get(reception, "/api/v1/patients/search?mrn=" + patient.mrn());
        MvcTestResult list = get(reception, "/api/v1/patients?size=1");
        MvcTestResult one = get(reception, "/api/v1/patients/" + patient.id());
        assertThat(search).hasStatusOk();
        assertThat(list).hasStatusOk();
        // the search's patient is the list's patient object (the one GET /patients/{id} gives), not a search hit
        Map<String, Object> found = JsonPath.read(Bodies.text(search), "$.content[0]");
        Map<String, Object> details = JsonPath.read(Bodies.text(one), "$");
        assertThat(found.get("id")).isEqualTo(patient.id().toString());
        assertThat(found.keySet()).containsAll(List.of("id", "mrn", "identityDocument", "mobile", "status", "version"));
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(details.keySet());
        assertThat(JsonPath.<Map<String, Object>>read(Bodies.text(list), "$.content[0]"))
                .containsKeys("id", "mrn", "identityDocument", "status", "version");
        assertThat(Bodies.<Integer>read(search, "$.page.size")).isEqualTo(20);
        assertThat(Bodies.<Integer>read(search, "$.page.number")).isZero();
        assertThat(Bodies.<Integer>read(list, "$.page.size")).isEqualTo(1);
        assertThat(Bodies.<Integer>read(list, "$.page.number")).isZero();
    }

    @Test
    void thereIsAFavicon() {
        MvcTestResult icon = mvc.get().uri("/favicon.ico").exchange();
        assertThat(icon).hasStatusOk();
        assertThat(icon.getResponse().getContentAsByteArray()).startsWith(new byte[] {0, 0, 1, 0});
        MvcTestResult login = mvc.get().uri("/login").exchange();
        assertThat(Bodies.text(login)).contains("rel=\"icon\" href=\"/favicon.ico\"");
    }

    @Test
    void staticFilesAreServedFromTheirOwnPathsOnly() {
        // the pages' files, and a WebJar without its version in the URL
        for (String path : new String[] {
            "/css/tenhal.css", "/js/tenhal.js", "/js/growth/who-female.json", "/webjars/chart.js/dist/chart.umd.js"
        }) {
            assertThat(mvc.get().uri(path).exchange()).as(path).hasStatusOk();
        }
        // nothing else of the static folder is a URL (the rate-limit page is read by the application, not served)
        assertThat(mvc.get().uri("/p/too-many.html").exchange().getResponse().getStatus())
                .isIn(401, 403, 404);
    }

    private List<String> starts(Caller caller, ServiceId service, ProviderId provider, String from, String to) {
        MvcTestResult slots = mvc.get()
                .uri(java.net.URI.create(
                        "/api/v1/slots?serviceId=" + service.value() + "&providerId=" + provider.value()
                                + "&from=" + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8)
                                + "&to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
        assertThat(slots).hasStatus(200);
        return JsonPath.read(Bodies.text(slots), "$[*].startsAt");
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }
}
