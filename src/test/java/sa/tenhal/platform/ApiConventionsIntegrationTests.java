package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.AtOnce;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;

/** The conventions every endpoint follows: idempotent creation, size limits, problem details. */
@TenhalIntegrationTest
class ApiConventionsIntegrationTests {

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

    String userJson(String username) {
        return """
                {"username":"%s","fullNameEn":"Idem Potent","email":"%s@example.com","roles":["NURSE"],"password":"long-enough-password"}
                """.formatted(username, username);
    }

    MvcTestResult create(String key, String body) {
        return mvc.post()
                .uri("/api/v1/users")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    long users(String username) {
        return jdbc.sql("select count(*) from staff_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstResultInsteadOfCreatingTwice() {
        String username = Unique.name("idem");
        String key = "key-" + username;
        MvcTestResult first = create(key, userJson(username));
        MvcTestResult again = create(key, userJson(username));

        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201).hasHeader("Idempotency-Replayed", "true");
        assertThat(Bodies.text(again)).isEqualTo(Bodies.text(first));
        assertThat(again.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(users(username)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String username = Unique.name("idem");
        String key = "key-" + username;
        assertThat(create(key, userJson(username))).hasStatus(201);
        assertThat(create(key, userJson(username + "x")))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:idempotency-key-reused");
        assertThat(users(username + "x")).isZero();
    }

    @Test
    void concurrentDoubleClicksCreateOnce() throws Exception {
        String username = Unique.name("race");
        String key = "key-" + username;
        var outcomes = AtOnce.run(
                8, () -> create(key, userJson(username)).getResponse().getStatus());
        assertThat(outcomes).allMatch(o -> o.thrown() == null);
        List<Integer> seen = outcomes.stream().map(AtOnce.Outcome::value).toList();
        assertThat(users(username)).isEqualTo(1);
        // Each caller saw the creation (first or replayed) or was told the first is still running; none created twice.
        assertThat(seen).allMatch(s -> s == 201 || s == 409).contains(201);
    }

    @Test
    void aFailedFirstAttemptDoesNotBlockTheRetry() {
        String username = Unique.name("retry");
        String key = "key-" + username;
        // A 4xx answer is remembered (the same request would fail the same way) ...
        assertThat(create(key, "{\"username\":\"" + username + "\"}")).hasStatus(422);
        assertThat(create(key, "{\"username\":\"" + username + "\"}"))
                .hasStatus(422)
                .hasHeader("Idempotency-Replayed", "true");
        // ... and a corrected request needs a new key.
        assertThat(create(key + "-2", userJson(username))).hasStatus(201);
    }

    @Test
    void anOversizedBodyIs413AndReadsNothing() {
        String huge = "{\"username\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(mvc.post()
                        .uri("/api/v1/users")
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .hasStatus(413)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:too-large");
    }

    @Test
    void problemsAreRfc9457Json() {
        MvcTestResult missing = mvc.get()
                .uri("/api/v1/clinics/{id}", java.util.UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(missing).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.type").isEqualTo("urn:tenhal:problem:not-found");
            assertThat(json).extractingPath("$.title").isEqualTo("Clinic not found");
            assertThat(json).extractingPath("$.status").isEqualTo(404);
            assertThat(json).extractingPath("$.detail").asString().contains("No clinic has id");
        });
        MvcTestResult unknownPath = mvc.get()
                .uri("/api/v1/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(unknownPath).hasStatus(404);
        MvcTestResult wrongMethod = mvc.delete()
                .uri("/api/v1/clinics")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(wrongMethod)
                .hasStatus(405)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:method-not-allowed");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.paths['/api/v1/patients']").isNotNull();
            assertThat(json)
                    .extractingPath("$.paths['/api/v1/users/{id}/tokens']")
                    .isNotNull();
            assertThat(json)
                    .extractingPath("$.components.securitySchemes.bearer")
                    .isNotNull();
        });
    }
}
