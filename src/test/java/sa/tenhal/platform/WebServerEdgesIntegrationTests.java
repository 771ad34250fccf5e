package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.RawHttp;
import sa.tenhal.TestConfig;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.confirmation.ConfirmationDetails;
import sa.tenhal.appointments.confirmation.ConfirmationFixture;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/**
 * What the running server (Tomcat, not MockMvc) answers to requests it cannot take as sent: a form body over the 2 MB
 * Tomcat reads, a {@code %} that starts no escape, a NUL in the path, a {@code Host} header of the client's choosing —
 * a problem document on the API, the error page (in the user's language) everywhere else, and redirects that never
 * name another host. Shares the browser tests' application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class WebServerEdgesIntegrationTests {

    static final byte[] TOO_LARGE_FORM = ("notes=" + "a".repeat(2_200_000)).getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Confirmations confirmations;

    @Autowired
    JdbcClient jdbc;

    RawHttp.Response send(String method, String target, byte[] body, String... headers) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new RawHttp(port).send(method, target, map, body);
    }

    @Test
    void aFormTooLargeToReadIs413WithAPageForPagesAndAProblemForTheApi() throws IOException {
        for (String page : new String[] {"/login", "/patients", "/p/confirm/" + "0".repeat(64) + "/decline"}) {
            RawHttp.Response answer = send(
                    "POST",
                    page,
                    TOO_LARGE_FORM,
                    "Content-Type",
                    "application/x-www-form-urlencoded",
                    "Accept-Language",
                    "ar");
            assertThat(answer.status()).as(page).isEqualTo(413);
            assertThat(answer.contentType()).as(page).startsWith("text/html");
            assertThat(answer.text()).as(page).contains("ما أرسلته كبير جدًا");
        }
        RawHttp.Response api =
                send("POST", "/api/v1/patients", TOO_LARGE_FORM, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.text()).contains("urn:tenhal:problem:too-large");
    }

    @Test
    void aPercentThatStartsNoEscapeIsA400() throws IOException {
        RawHttp.Response api = send("GET", "/api/v1/users?sort=%", null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");

        RawHttp.Response page = send("GET", "/login?x=%ZZ", null, "Accept-Language", "en");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("This request could not be understood");
    }

    @Test
    void aControlCharacterOnAPageIsTheErrorPageNamingTheFieldInTheUsersLanguage() throws IOException {
        RawHttp.Response arabic = send("GET", "/login?username=a%00b", null, "Accept-Language", "ar");
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.contentType()).startsWith("text/html");
        assertThat(arabic.text()).contains("dir=\"rtl\"").contains("“username”");

        RawHttp.Response patient = send(
                "POST",
                "/p/confirm/" + "0".repeat(64) + "/decline",
                "reason=%C2%85".getBytes(StandardCharsets.US_ASCII),
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(patient.status()).isEqualTo(400);
        assertThat(patient.text()).contains("/css/patient.css").contains("“reason”");
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemOnTheApiAndAPageElsewhere() throws IOException {
        RawHttp.Response api = send("GET", "/api/v1/centres/%00", null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.text()).contains("urn:tenhal:problem:malformed-request");

        RawHttp.Response unreadable = send("GET", "/api/v1/centres/{x}", null);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).startsWith("application/problem+json");

        RawHttp.Response page = send("GET", "/patients/%00", null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text())
                .contains("حدث خطأ")
                .contains("Something went wrong")
                .doesNotContain("Tomcat");
    }

    @Test
    void pagesAnswerEveryErrorWithAPageWhateverTheClientAccepts() throws IOException {
        for (String accept : new String[] {"*/*", "application/json", "text/html"}) {
            RawHttp.Response missing = send("GET", "/no-such-page", null, "Accept", accept);
            assertThat(missing.status()).isIn(302, 404);
            RawHttp.Response wrongMethod = send("DELETE", "/login", null, "Accept", accept);
            assertThat(wrongMethod.status()).as(accept).isBetween(400, 499);
            assertThat(wrongMethod.contentType()).as(accept).startsWith("text/html");
            RawHttp.Response api = send("DELETE", "/api/v1/users", null, "Accept", accept);
            assertThat(api.status()).as(accept).isBetween(400, 499);
            assertThat(api.contentType()).as(accept).startsWith("application/problem+json");
        }
    }

    @Test
    void aPatientsLinkKeepsNoSessionAndAnswersByARelativeAddressWhateverTheHost() throws IOException {
        ConfirmationFixture fixture = ConfirmationFixture.in(context);
        AppointmentDetails booked = fixture.book(
                fixture.patient(Language.EN, ConfirmationFixture.email("edge")),
                ConfirmationFixture.at(ConfirmationFixture.sunday(2), 9, 0));
        ConfirmationDetails request = confirmations.create(booked.id());
        String link = confirmations.mintLink(request.id());
        String path = link.substring(link.indexOf("/p/confirm/"));
        long sessions = jdbc.sql("select count(*) from spring_session")
                .query(Long.class)
                .single();

        RawHttp.Response page = send("GET", path + "?lang=en", null, "Host", "evil.example");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.all("set-cookie")).noneMatch(c -> c.startsWith("TENHAL_SESSION="));
        assertThat(page.text()).contains("Yes, I will come").doesNotContain("evil.example");
        String csrf = page.all("set-cookie").stream()
                .filter(c -> c.startsWith("TENHAL_LINK_CSRF="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        String token = page.text().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        RawHttp.Response forged =
                send("POST", path + "/confirm", new byte[0], "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.status()).isEqualTo(403);

        RawHttp.Response answered = send(
                "POST",
                path + "/confirm",
                ("_csrf=" + token).getBytes(StandardCharsets.US_ASCII),
                "Host",
                "evil.example",
                "Cookie",
                csrf,
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(answered.status()).isEqualTo(302);
        assertThat(answered.header("location")).isEqualTo(path + "?done=confirmed");
        assertThat(answered.all("set-cookie")).noneMatch(c -> c.startsWith("TENHAL_SESSION="));
        assertThat(scheduling.get(booked.id()).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(jdbc.sql("select count(*) from spring_session")
                        .query(Long.class)
                        .single())
                .isEqualTo(sessions);
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws IOException {
        RawHttp.Response home = send("GET", "/", null, "Host", "evil.example");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("location")).startsWith("/").doesNotContain("evil.example");

        RawHttp.Response link = send("GET", "/p/confirm/" + "0".repeat(64), null, "Host", "evil.example");
        assertThat(link.status()).isEqualTo(404);
        assertThat(link.text()).doesNotContain("evil.example");
        assertThat(link.all("set-cookie")).noneMatch(c -> c.startsWith("TENHAL_SESSION="));
    }
}
