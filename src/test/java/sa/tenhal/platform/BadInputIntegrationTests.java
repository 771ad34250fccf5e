package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;

/**
 * Input no clinic ever types is a 400 that names the field — never a 500, never stored: control characters in
 * parameters, path variables and JSON strings, sorts a list does not offer (a {@code %} included), dates outside
 * 0001–9999, a {@code null} inside a list. And the {@code Accept} header never turns a change already made into a 406.
 */
@TenhalIntegrationTest
class BadInputIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    Caller admin;

    @BeforeEach
    void admin() {
        admin = staff.as(Role.ADMIN);
    }

    MvcTestResult get(String uri, Object... variables) {
        return mvc.get()
                .uri(uri, variables)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
    }

    MvcTestResult post(String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    static void refusedNaming(MvcTestResult result, String field, String character) {
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:tenhal:problem:malformed-request");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .startsWith(field)
                .contains(character);
    }

    static Stream<Arguments> refusedCharacters() {
        return Stream.of(
                Arguments.of("a\u0000b", "U+0000"),
                Arguments.of("\u0001", "U+0001"),
                Arguments.of("x\u001f", "U+001F"),
                Arguments.of("\u007f", "U+007F"),
                Arguments.of("\u0085", "U+0085"),
                Arguments.of("\u009b[31m", "U+009B"),
                Arguments.of("\ud800", "U+D800"),
                Arguments.of("x\udc00", "U+DC00"));
    }

    @ParameterizedTest
    @MethodSource("refusedCharacters")
    void aControlCharacterInAQueryParameterIsRefusedNamingIt(String text, String character) {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/clinics")
                .param("centre", text)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        refusedNaming(result, "centre", character);
    }

    @Test
    void everyListTheIssueNamedRefusesANulInsteadOfFailing() {
        refusedNaming(
                mvc.get()
                        .uri("/api/v1/patients/search")
                        .param("q", "ab\u0000")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange(),
                "q",
                "U+0000");
        refusedNaming(
                mvc.get()
                        .uri("/api/v1/audit")
                        .param("username", "\u0000")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange(),
                "username",
                "U+0000");
        refusedNaming(
                mvc.get()
                        .uri("/api/v1/admin/messages")
                        .param("kind", "x\u0000")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange(),
                "kind",
                "U+0000");
    }

    @Test
    void tabsAndLineBreaksAreText() {
        assertThat(mvc.get()
                        .uri("/api/v1/clinics")
                        .param("centre", "R\tY\r\nD")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange())
                .hasStatus(200);
    }

    @Test
    void aControlCharacterInAPathVariableIsRefusedNamingTheVariable() {
        refusedNaming(get("/api/v1/centres/{code}", "R\u0001D"), "code", "U+0001");
        refusedNaming(get("/api/v1/admin/jobs/{name}", "x\u007f"), "name", "U+007F");
    }

    @Test
    void aControlCharacterInAJsonStringIsRefusedNamingTheField() {
        MvcTestResult notes = post(
                "/api/v1/appointments",
                "{\"patientId\":\"" + UUID.randomUUID() + "\",\"providerId\":\"" + UUID.randomUUID()
                        + "\",\"serviceId\":\"" + UUID.randomUUID()
                        + "\",\"startsAt\":\"2031-01-05T06:00:00Z\",\"notes\":\"call the father\\u0000\"}");
        assertThat(notes).hasStatus(400);
        assertThat(notes).bodyJson().extractingPath("$.field").isEqualTo("notes");
        assertThat(notes).bodyJson().extractingPath("$.detail").asString().contains("U+0000");

        MvcTestResult reason =
                post("/api/v1/appointments/" + UUID.randomUUID() + "/cancel", "{\"reason\":\"\\u0085\"}");
        assertThat(reason).hasStatus(400);
        assertThat(reason).bodyJson().extractingPath("$.field").isEqualTo("reason");

        MvcTestResult surrogate = post(
                "/api/v1/clinics",
                "{\"centreCode\":\"RYD\",\"code\":\"X1\",\"nameEn\":\"a\\ud800b\",\"nameAr\":\"ع\",\"discipline\":\"ABA\"}");
        assertThat(surrogate).hasStatus(400);
        assertThat(surrogate).bodyJson().extractingPath("$.field").isEqualTo("nameEn");

        MvcTestResult inAList = post(
                "/api/v1/providers",
                "{\"userId\":\"" + UUID.randomUUID() + "\",\"nameEn\":\"P\",\"nameAr\":\"م\",\"licenceNumber\":\"L-1\","
                        + "\"specialty\":\"x\",\"clinicIds\":[\"\\u0000\"]}");
        assertThat(inAList).hasStatus(400);
        assertThat(inAList).bodyJson().extractingPath("$.field").isEqualTo("clinicIds[0]");
    }

    @Test
    void aNullInAListIsRefusedNamingItsPlace() {
        MvcTestResult result =
                post("/api/v1/itineraries", "{\"patientId\":\"" + UUID.randomUUID() + "\",\"items\":[null]}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("items[0]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/users",
                "/api/v1/patients",
                "/api/v1/appointments",
                "/api/v1/invoices",
                "/api/v1/referrals",
                "/api/v1/clinics",
                "/api/v1/rooms",
                "/api/v1/services",
                "/api/v1/providers",
                "/api/v1/audit"
            })
    void aSortTheListDoesNotOfferIsA400ThatNamesWhatItDoes(String list) {
        for (String sort : new String[] {"%", "%,asc", "a%zz", "%25", "zzz", "zzz,desc"}) {
            MvcTestResult result = mvc.get()
                    .uri(list)
                    .param("sort", sort)
                    .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .exchange();
            assertThat(result).as(list + "?sort=" + sort).hasStatus(400);
            assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("sort");
            assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("allowed: ");
        }
    }

    @Test
    void datesOutsideTheYears0001To9999AreRefusedNamingTheField() {
        MvcTestResult query = mvc.get()
                .uri("/api/v1/providers/{id}/time-off", UUID.randomUUID())
                .param("to", "+1000000000-01-01T00:00:00Z")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(query).hasStatus(400);
        assertThat(query).bodyJson().extractingPath("$.detail").asString().contains("'to'");

        MvcTestResult annotated = mvc.get()
                .uri("/api/v1/reports/financial")
                .param("from", "2026-01-01")
                .param("to", "+99999-12-31")
                .header(HttpHeaders.AUTHORIZATION, staff.as(Role.FINANCE).bearer())
                .exchange();
        assertThat(annotated).hasStatus(400);
        assertThat(annotated).bodyJson().extractingPath("$.detail").asString().contains("'to'");

        MvcTestResult body =
                post("/api/v1/closures", "{\"from\":\"2031-01-01\",\"to\":\"+999999999-12-31\",\"reason\":\"Eid\"}");
        assertThat(body).hasStatus(400);
        assertThat(body).bodyJson().extractingPath("$.field").isEqualTo("to");
    }

    @Test
    void anAcceptHeaderTheEndpointCannotMeetGetsJsonNotA406AfterTheChange() {
        String username = Unique.name("acc");
        MvcTestResult created = mvc.post()
                .uri("/api/v1/users")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"fullNameEn\":\"Accept Html\",\"email\":\"" + username
                        + "@example.com\",\"roles\":[\"NURSE\"]}")
                .exchange();
        assertThat(created).hasStatus(201).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(jdbc.sql("select count(*) from staff_user where username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        assertThat(mvc.get()
                        .uri("/api/v1/users")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .header(HttpHeaders.ACCEPT, "no/such; q=nonsense,,")
                        .exchange())
                .hasStatus(200);
    }

    @Test
    void anUploadFormPostedWithoutItsFileIsA400() {
        var session = sa.tenhal.Pages.signIn(mvc, staff.as(Role.FINANCE));
        MvcTestResult result = mvc.post()
                .uri("/finance/imports")
                .cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("method=BANK_TRANSFER&file=x")
                .exchange();
        assertThat(result).hasStatus(400);
    }

    @Test
    void aPageRefusingAControlCharacterAnswersWithTheErrorPageNotJson() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        var session = sa.tenhal.Pages.signIn(mvc, reception);
        MvcTestResult page =
                mvc.get().uri("/patients").param("q", "a\u0000").cookie(session).exchange();
        assertThat(page).hasStatus(400);
        assertThat(page.getResponse().getForwardedUrl()).isEqualTo("/error");
    }
}
