package sa.tenhal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;

@TenhalIntegrationTest
@RecordApplicationEvents
class IdentityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Caller admin;

    @BeforeEach
    void admin() {
        admin = staff.as(Role.ADMIN);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String newUserJson(String username, String password) {
        return """
                {"username":"%s","fullNameEn":"Lina Saleh","fullNameAr":"لينا صالح","email":"%s@example.com",
                 "roles":["RECEPTIONIST"],"language":"AR"%s}
                """.formatted(username, username, password == null ? "" : ",\"password\":\"" + password + "\"");
    }

    @Test
    void anAdminCreatesAUserWhoIsAnnouncedAndMustSetAPassword() {
        String username = Unique.name("lina");
        MvcTestResult created = mvc.post()
                .uri("/api/v1/users")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(newUserJson(username, null))
                .exchange();
        assertThat(created)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.hasPassword")
                .isEqualTo(false);
        String id = Bodies.read(created, "$.id");
        assertThat(events.stream(StaffUserCreated.class)).anySatisfy(e -> {
            assertThat(e.userId().toString()).isEqualTo(id);
            assertThat(e.needsPassword()).isTrue();
        });
        // No password, no sign-in.
        assertThat(signIn(username, "anything-at-all")).hasRedirectedUrl("/login?error");

        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newUserJson(username, null)))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.field")
                .isEqualTo("username");
    }

    @Test
    void invalidUsersAre422AndOnlyAdminsManageUsers() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/users")
                                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"username\":\"A B\",\"fullNameEn\":\"\",\"email\":\"x\",\"roles\":[],\"password\":\"short\"}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("email", "fullNameEn", "password", "roles", "username");
        assertThat(mvc.get()
                        .uri("/api/v1/users")
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.MANAGER).bearer()))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:forbidden");
    }

    @Test
    void aTokenIsShownOnceStoredHashedUsableAndRevocable() {
        Caller nurse = staff.as(Role.NURSE);
        MvcTestResult issued = mvc.post()
                .uri("/api/v1/users/{id}/tokens", nurse.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"lab integration\",\"validForDays\":30}")
                .exchange();
        assertThat(issued).hasStatus(201);
        String token = Bodies.read(issued, "$.token");
        String tokenId = Bodies.read(issued, "$.details.id");
        assertThat(token).matches("tnh_[0-9a-f]{64}");

        String stored = jdbc.sql("select token_hash from api_token where id = :id")
                .param("id", java.util.UUID.fromString(tokenId))
                .query(String.class)
                .single();
        assertThat(stored)
                .isEqualTo(sa.tenhal.platform.SecretTokens.sha256(token))
                .doesNotContain(token.substring(4));

        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo(nurse.username());
        assertThat(mvc.get()
                        .uri("/api/v1/users/{id}/tokens", nurse.id().value())
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$[0].lastUsedAt").isNotNull();
                    assertThat(json).doesNotHaveToString(token);
                });

        assertThat(mvc.delete()
                        .uri("/api/v1/users/{id}/tokens/{t}", nurse.id().value(), tokenId)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revokedAt")
                .isNotNull();
        MvcTestResult refused = mvc.get()
                .uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
        assertThat(refused).hasStatus(401);
        assertThat(refused.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer");
    }

    @Test
    void expiredTokensAndTokensOfDisabledUsersAreRefused() {
        Caller finance = staff.as(Role.FINANCE);
        MvcTestResult issued = mvc.post()
                .uri("/api/v1/users/{id}/tokens", finance.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"short-lived\",\"validForDays\":1}")
                .exchange();
        String token = "Bearer " + Bodies.read(issued, "$.token");
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk();
        clock.advance(Duration.ofDays(2));
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatus(401);
        clock.reset();

        disable(finance);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, finance.bearer()))
                .hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer tnh_nonsense"))
                .hasStatus(401);
    }

    void disable(Caller user) {
        MvcTestResult read = mvc.get()
                .uri("/api/v1/users/{id}", user.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        String body = """
                {"fullNameEn":"Gone","email":"%s@test.tenhal.sa","roles":["FINANCE"],"language":"EN","enabled":false}
                """.formatted(user.username());
        assertThat(mvc.put()
                        .uri("/api/v1/users/{id}", user.id().value())
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .header(HttpHeaders.IF_MATCH, read.getResponse().getHeader(HttpHeaders.ETAG))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();
    }

    MvcTestResult signIn(String username, String password) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .exchange();
    }

    @Test
    void signingInWithTheFormStartsASessionThatTheApiAccepts() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        MvcTestResult signedIn = signIn(reception.username(), StaffFixtures.PASSWORD);
        assertThat(signedIn).hasRedirectedUrl("/");
        jakarta.servlet.http.Cookie session = signedIn.getResponse().getCookie("TENHAL_SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/api/v1/me").cookie(session)).hasStatusOk();
        // A session caller must send the CSRF token on changes, a bearer caller need not.
        assertThat(mvc.post()
                        .uri("/api/v1/me/password")
                        .cookie(session)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"x\",\"newPassword\":\"yyyyyyyyyyyy\"}"))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:csrf");
        long entries = jdbc.sql("select count(*) from audit_entry where action = 'SIGN_IN' and username = :u")
                .param("u", reception.username())
                .query(Long.class)
                .single();
        assertThat(entries).isEqualTo(1);
    }

    MvcTestResult signIn(String username, String password, String address) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .exchange();
    }

    long failedSignInsAudited(String username, String note) {
        return jdbc.sql("select count(*) from audit_entry where action = 'SIGN_IN_FAILED' and username = :u"
                        + " and note = :note")
                .param("u", username)
                .param("note", note)
                .query(Long.class)
                .single();
    }

    @Test
    void wrongPasswordsMakeThatAddressWaitButLockNobodyOut() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(reception.username(), "wrong-password-" + i, "10.20.1.1"))
                    .hasRedirectedUrl("/login?error");
        }
        // From that address even the right password must wait now: the sixth attempt is not checked at all.
        assertThat(signIn(reception.username(), StaffFixtures.PASSWORD, "10.20.1.1"))
                .hasRedirectedUrl("/login?wait");
        assertThat(failedSignInsAudited(reception.username(), "BadCredentialsException"))
                .isEqualTo(5);
        assertThat(failedSignInsAudited(reception.username(), "SignInThrottledException"))
                .isEqualTo(1);
        // Nothing is locked: from another address the user signs in at once.
        assertThat(signIn(reception.username(), StaffFixtures.PASSWORD, "10.20.1.2"))
                .hasRedirectedUrl("/");
        // And from the first one after the first wait (15 s by default).
        clock.advance(Duration.ofSeconds(16));
        assertThat(signIn(reception.username(), StaffFixtures.PASSWORD, "10.20.1.1"))
                .hasRedirectedUrl("/");
    }

    @Test
    void anAdminLiftsTheSignInWaits() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        for (int i = 0; i < 5; i++) {
            signIn(reception.username(), "wrong-" + i, "10.20.2.1");
        }
        assertThat(signIn(reception.username(), StaffFixtures.PASSWORD, "10.20.2.1"))
                .hasRedirectedUrl("/login?wait");
        Instant before = clock.instant();
        MvcTestResult lifted = mvc.post()
                .uri("/api/v1/users/{id}/unlock", reception.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(lifted).hasStatusOk().bodyJson().doesNotHavePath("$.lockedUntil");
        assertThat(Instant.parse(Bodies.read(lifted, "$.signInDelaysLiftedAt")))
                .isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(signIn(reception.username(), StaffFixtures.PASSWORD, "10.20.2.1"))
                .hasRedirectedUrl("/");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'UPDATE' and record_id = :id"
                                + " and changed_fields = 'signInDelaysLiftedAt'")
                        .param("id", reception.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void changingRolesEndsTheUsersSessions() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        MvcTestResult signedIn = signIn(reception.username(), StaffFixtures.PASSWORD);
        long before = jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", reception.username())
                .query(Long.class)
                .single();
        assertThat(before).isEqualTo(1);
        MvcTestResult read = mvc.get()
                .uri("/api/v1/users/{id}", reception.id().value())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        String body = """
                {"fullNameEn":"Promoted","email":"%s@test.tenhal.sa","roles":["MANAGER"],"language":"EN","enabled":true}
                """.formatted(reception.username());
        assertThat(mvc.put()
                        .uri("/api/v1/users/{id}", reception.id().value())
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .header(HttpHeaders.IF_MATCH, read.getResponse().getHeader(HttpHeaders.ETAG))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatusOk();
        long after = jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", reception.username())
                .query(Long.class)
                .single();
        assertThat(after).isZero();
        assertThat(signedIn).hasRedirectedUrl("/");
    }

    @Test
    void passwordsAreStoredWithSpringSecuritysDefaultEncoder() {
        Caller nurse = staff.as(Role.NURSE);
        String hash = jdbc.sql("select password_hash from staff_user where username = :u")
                .param("u", nurse.username())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(StaffFixtures.PASSWORD);
    }
}
