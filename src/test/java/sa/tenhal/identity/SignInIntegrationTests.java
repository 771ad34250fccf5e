package sa.tenhal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.shared.Language;

/**
 * The sign-in form as a browser meets it, from addresses of its own: the page's own CSRF token and cookies (never
 * Spring's test {@code csrf()}, which swaps the application's token store for a session-based one), the rows the
 * session store gets, the limits and the waits, and answers that tell no usernames apart.
 *
 * <p>A context of its own: a flood limit low enough to reach (the other tests' is raised, as they all come from
 * 127.0.0.1), and a spy on the password encoder, to count the hashes each answer costs.
 */
@TenhalIntegrationTest
@TestPropertySource(properties = "tenhal.sign-in.per-address-per-minute=15")
class SignInIntegrationTests {

    static final int PER_ADDRESS_PER_MINUTE = 15;
    static final Pattern FORM_TOKEN = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @MockitoSpyBean
    PasswordEncoder passwords;

    long startedAt;

    @BeforeEach
    void start() {
        startedAt = System.currentTimeMillis();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSignInPageStartsNoSession() {
        Visitor visitor = new Visitor("10.30.1.1");
        MvcTestResult english = visitor.get("/login");
        MvcTestResult arabic = visitor.get("/login?lang=ar");
        assertThat(english).hasStatusOk();
        assertThat(arabic).hasStatusOk();
        assertThat(Bodies.text(arabic)).contains("dir=\"rtl\"", "name=\"_csrf\"");
        // No session: no cookie, no row.
        assertThat(sessionsStarted()).isZero();
        assertThat(english.getResponse().getCookie("TENHAL_SESSION")).isNull();
        assertThat(arabic.getResponse().getCookie("TENHAL_SESSION")).isNull();
        // The form's token lives in a cookie of its own, which scripts cannot read.
        Cookie token = english.getResponse().getCookie(SessionOrCookieCsrfTokens.COOKIE);
        assertThat(token).isNotNull();
        assertThat(token.isHttpOnly()).isTrue();
        // the second page reuses the first one's token cookie
        assertThat(arabic.getResponse().getCookie(SessionOrCookieCsrfTokens.COOKIE))
                .isNull();
    }

    @Test
    void aPageAskedForWithoutSigningInStartsNoSessionAndSigningInLeadsBackToIt() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        Visitor visitor = new Visitor("10.30.2.1");
        MvcTestResult asked = visitor.get("/patients?q=sara");
        assertThat(asked).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(sessionsStarted()).isZero();
        assertThat(asked.getResponse().getCookie("TENHAL_SESSION")).isNull();
        assertThat(asked.getResponse().getCookie("REDIRECT_URI")).isNotNull();
        // htmx fragments are not pages to come back to
        assertThat(visitor.get("/inbox/badge", r -> r.header("HX-Request", "true"))
                        .getResponse()
                        .getCookie("REDIRECT_URI"))
                .isNull();
        assertThat(sessionsStarted()).isZero();

        MvcTestResult signedIn = visitor.signIn(reception.username(), StaffFixtures.PASSWORD);
        assertThat(signedIn).hasStatus3xxRedirection().redirectedUrl().endsWith("/patients?q=sara");
        assertThat(sessionsStarted()).isEqualTo(1);
        assertThat(sessionsOf(reception.username())).isEqualTo(1);
    }

    @Test
    void signingInNeedsTheFormsTokenLandsOnTheHomePageAndRotatesTheSession() {
        Caller nurse = staff.as(Role.NURSE);
        Visitor visitor = new Visitor("10.30.3.1");
        String token = visitor.formToken();

        // Without the token, or with another one, the form is refused, and still nothing is written.
        assertThat(visitor.post(
                        "/login", r -> r.param("username", nurse.username()).param("password", StaffFixtures.PASSWORD)))
                .hasStatus(403);
        assertThat(visitor.post("/login", r -> r.param("username", nurse.username())
                        .param("password", StaffFixtures.PASSWORD)
                        .param("_csrf", new Visitor("10.30.3.2").formToken())))
                .hasStatus(403);
        // (a token without its cookie is no token either)
        assertThat(mvc.post()
                        .uri("/login")
                        .with(from(visitor.address))
                        .param("username", nurse.username())
                        .param("password", StaffFixtures.PASSWORD)
                        .param("_csrf", token))
                .hasStatus(403);
        assertThat(sessionsStarted()).isZero();

        MvcTestResult signedIn = visitor.post("/login", r -> r.param("username", nurse.username())
                .param("password", StaffFixtures.PASSWORD)
                .param("_csrf", token));
        assertThat(signedIn).hasRedirectedUrl("/");
        String first = visitor.sessionId();
        assertThat(first).isNotNull();
        assertThat(sessionRows(first)).isEqualTo(1);
        // The cookie's token is gone: from now on only the session's counts.
        assertThat(visitor.cookies).doesNotContainKey(SessionOrCookieCsrfTokens.COOKIE);
        assertThat(visitor.get("/")).hasStatusOk();
        assertThat(visitor.post("/logout", r -> r.param("_csrf", token))).hasStatus(403);

        // Signing in again over a session (as a planted session would be) gives a new session id.
        MvcTestResult again = visitor.signIn(nurse.username(), StaffFixtures.PASSWORD);
        assertThat(again).hasRedirectedUrl("/");
        String second = visitor.sessionId();
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(sessionRows(first)).isZero();
        assertThat(sessionRows(second)).isEqualTo(1);

        // Signing out with the page's token ends the session.
        String pageToken = visitor.formToken("/");
        assertThat(visitor.post("/logout", r -> r.param("_csrf", pageToken))).hasRedirectedUrl("/login?signedOut");
        assertThat(sessionRows(second)).isZero();
    }

    @Test
    void anAnonymousPostToTheApiStartsNoSession() {
        assertThat(mvc.post()
                        .uri("/api/v1/patients")
                        .with(from("10.30.4.1"))
                        .contentType("application/json")
                        .content("{}"))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:csrf");
        assertThat(sessionsStarted()).isZero();
    }

    @Test
    void tooManyAttemptsFromOneAddressAre429WithAPageInBothLanguages() {
        // the clock stands still: the bucket does not refill while the test runs, however slowly
        clock.set(clock.instant());
        Visitor flood = new Visitor("10.30.5.1");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS_PER_MINUTE; i++) {
            // a name of its own each time: only the address's limit is met
            statuses.add(flood.signIn("flood-" + i, "guess").getResponse().getStatus());
        }
        assertThat(statuses).containsOnly(302);
        clearInvocations(passwords);
        MvcTestResult refused = flood.signIn("flood-x", "guess");
        assertThat(refused).hasStatus(429).headers().containsHeader("Retry-After");
        assertThat(refused.getResponse().getContentType()).startsWith("text/html");
        assertThat(Bodies.text(refused)).contains("محاولات دخول كثيرة", "Too many sign-in attempts");
        // refused before any password was checked, and nothing written
        assertThat(hashes()).isZero();
        assertThat(sessionsStarted()).isZero();
        // Another address is not affected.
        assertThat(new Visitor("10.30.5.2").signIn("flood-y", "guess")).hasRedirectedUrl("/login?error");
        // and this one may try again as the minute goes by
        clock.advance(Duration.ofSeconds(60 / PER_ADDRESS_PER_MINUTE + 1));
        assertThat(flood.signIn("flood-z", "guess")).hasRedirectedUrl("/login?error");
        assertThat(flood.signIn("flood-z", "guess")).hasStatus(429);
    }

    @Test
    void aBurstOfWrongPasswordsForTheAdminDoesNotKeepTheAdminOut() {
        Caller admin = staff.as(Role.ADMIN);
        Visitor attacker = new Visitor("10.30.6.66");
        List<String> answers = new ArrayList<>();
        clearInvocations(passwords);
        for (int i = 0; i < 10; i++) {
            answers.add(attacker.signIn(admin.username(), "guess-" + i)
                    .getResponse()
                    .getRedirectedUrl());
        }
        assertThat(answers.subList(0, 5)).containsOnly("/login?error");
        assertThat(answers.subList(5, 10)).containsOnly("/login?wait");
        // the waits checked no password
        assertThat(hashes()).isEqualTo(5);

        // The admin, elsewhere, signs in at once.
        assertThat(new Visitor("10.30.6.1").signIn(admin.username(), StaffFixtures.PASSWORD))
                .hasRedirectedUrl("/");
        // From the attacker's own address (a shared one, say) the admin waits too, but only the first wait.
        assertThat(attacker.signIn(admin.username(), StaffFixtures.PASSWORD)).hasRedirectedUrl("/login?wait");
        clock.advance(Duration.ofSeconds(16));
        assertThat(attacker.signIn(admin.username(), StaffFixtures.PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void theWaitGrowsWithEachFailureButNeverPastTheLongest() {
        Caller finance = staff.as(Role.FINANCE);
        Visitor guesser = new Visitor("10.30.7.1");
        for (int i = 0; i < 5; i++) {
            guesser.signIn(finance.username(), "guess-" + i);
        }
        // 15 s, 30 s, 60 s, 120 s, 240 s, then 300 s (the longest) each time
        for (long wait : new long[] {15, 30, 60, 120, 240, 300, 300}) {
            clock.advance(Duration.ofSeconds(wait - 1));
            assertThat(guesser.signIn(finance.username(), "too-soon")).hasRedirectedUrl("/login?wait");
            clock.advance(Duration.ofSeconds(1));
            assertThat(guesser.signIn(finance.username(), "guess")).hasRedirectedUrl("/login?error");
        }
        clock.advance(Duration.ofSeconds(300));
        assertThat(guesser.signIn(finance.username(), StaffFixtures.PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void guessingFromManyAddressesSlowsTheAccountButNotWhereItsUserSignsIn() {
        Caller manager = staff.as(Role.MANAGER);
        Visitor office = new Visitor("10.30.8.1");
        assertThat(office.signIn(manager.username(), StaffFixtures.PASSWORD)).hasRedirectedUrl("/");

        // Twenty addresses, one wrong password each: no address meets its own limit, but the account has had enough.
        for (int i = 0; i < 20; i++) {
            assertThat(new Visitor("10.31.0." + (i + 1)).signIn(manager.username(), "guess-" + i))
                    .hasRedirectedUrl("/login?error");
        }
        clearInvocations(passwords);
        assertThat(new Visitor("10.31.1.1").signIn(manager.username(), "guess")).hasRedirectedUrl("/login?wait");
        // (so is the user themselves, somewhere new, for the first wait)
        Visitor travelling = new Visitor("10.31.1.2");
        assertThat(travelling.signIn(manager.username(), StaffFixtures.PASSWORD))
                .hasRedirectedUrl("/login?wait");
        assertThat(hashes()).isZero();
        // From the office, where they signed in before, nothing holds them back.
        assertThat(new Visitor("10.30.8.1").signIn(manager.username(), StaffFixtures.PASSWORD))
                .hasRedirectedUrl("/");

        // The account goes on at a bounded rate: one attempt per wait, from anywhere new.
        clock.advance(Duration.ofSeconds(16));
        assertThat(new Visitor("10.31.2.1").signIn(manager.username(), "guess")).hasRedirectedUrl("/login?error");
        assertThat(new Visitor("10.31.2.2").signIn(manager.username(), "guess")).hasRedirectedUrl("/login?wait");
        assertThat(travelling.signIn(manager.username(), StaffFixtures.PASSWORD))
                .hasRedirectedUrl("/login?wait");

        // An admin lifts the waits: the user signs in from anywhere at once.
        accounts.liftSignInDelays(manager.id());
        assertThat(travelling.signIn(manager.username(), StaffFixtures.PASSWORD))
                .hasRedirectedUrl("/");
    }

    @Test
    void theAnswersTellNoUsernamesApart() {
        Caller known = staff.as(Role.RECEPTIONIST);
        Caller deactivated = staff.as(Role.NURSE);
        deactivate(deactivated);
        String withoutPassword = Unique.name("np");
        accounts.create(new NewStaffUser(
                withoutPassword,
                "No Password",
                null,
                withoutPassword + "@test.tenhal.sa",
                java.util.Set.of(Role.NURSE),
                Language.EN,
                null));
        String unknown = Unique.name("nosuchuser");

        Map<String, Answer> wrong = new LinkedHashMap<>();
        Map<String, Long> hashes = new LinkedHashMap<>();
        int address = 1;
        for (String name : List.of(known.username(), deactivated.username(), withoutPassword, unknown)) {
            clearInvocations(passwords);
            wrong.put(name, Answer.of(new Visitor("10.32.0." + address++).signIn(name, "not-the-password")));
            hashes.put(name, hashes());
        }
        // a deactivated user with the right password is answered as a wrong one, after the same work
        clearInvocations(passwords);
        wrong.put(
                "deactivated, right password",
                Answer.of(new Visitor("10.32.0." + address++).signIn(deactivated.username(), StaffFixtures.PASSWORD)));
        hashes.put("deactivated, right password", hashes());
        assertThat(wrong.values()).containsOnly(wrong.get(unknown));
        assertThat(wrong.get(unknown).location()).isEqualTo("/login?error");
        // every one of them cost one password hash (Spring hashes a dummy for a name it does not find)
        assertThat(hashes.values()).containsOnly(1L);

        // Made to wait: the same answer for the admin's name as for a name nobody has, and no hash for either.
        Caller admin = staff.as(Role.ADMIN);
        Map<String, Answer> waits = new LinkedHashMap<>();
        for (String name : List.of(admin.username(), unknown)) {
            Visitor visitor = new Visitor("10.32.1." + address++);
            for (int i = 0; i < 5; i++) {
                assertThat(visitor.signIn(name, "guess-" + i)).hasRedirectedUrl("/login?error");
            }
            clearInvocations(passwords);
            waits.put(name, Answer.of(visitor.signIn(name, "guess")));
            assertThat(hashes()).isZero();
        }
        assertThat(waits.get(admin.username()))
                .isEqualTo(waits.get(unknown))
                .extracting(Answer::location)
                .isEqualTo("/login?wait");
        assertThat(Bodies.text(new Visitor("10.32.2.1").get("/login?wait")))
                .contains("Too many failed attempts for this username");

        // The audit trail records every failure, the waits too, for known and unknown names alike.
        assertThat(failuresAudited(unknown)).containsEntry("BadCredentialsException", 6L);
        assertThat(failuresAudited(unknown)).containsEntry("SignInThrottledException", 1L);
        assertThat(failuresAudited(admin.username()))
                .containsEntry("BadCredentialsException", 5L)
                .containsEntry("SignInThrottledException", 1L);
        assertThat(failuresAudited(deactivated.username())).containsEntry("DisabledException", 1L);
    }

    // --- helpers ---

    /** What a client sees of a refused sign-in: status, where it is sent, which cookies are set, the body. */
    record Answer(int status, String location, TreeSet<String> cookies, String body) {
        static Answer of(MvcTestResult result) {
            TreeSet<String> cookies = new TreeSet<>();
            for (Cookie c : result.getResponse().getCookies()) {
                cookies.add(c.getName() + (c.getMaxAge() == 0 ? " (removed)" : ""));
            }
            return new Answer(
                    result.getResponse().getStatus(),
                    result.getResponse().getRedirectedUrl(),
                    cookies,
                    Bodies.text(result));
        }
    }

    /** A browser of its own: an address and a cookie jar. */
    final class Visitor {

        final String address;
        final Map<String, Cookie> cookies = new LinkedHashMap<>();

        Visitor(String address) {
            this.address = address;
        }

        MvcTestResult get(String uri) {
            return get(uri, r -> r);
        }

        MvcTestResult get(String uri, java.util.function.UnaryOperator<MockMvcRequestBuilder> more) {
            return keep(withJar(more.apply(mvc.get().uri(uri))).exchange());
        }

        MvcTestResult post(String uri, java.util.function.UnaryOperator<MockMvcRequestBuilder> more) {
            return keep(withJar(more.apply(mvc.post().uri(uri))).exchange());
        }

        /** The sign-in form's CSRF token, as the page gives it. */
        String formToken() {
            return formToken("/login");
        }

        String formToken(String page) {
            Matcher token = FORM_TOKEN.matcher(Bodies.text(get(page)));
            assertThat(token.find()).as("a CSRF token in the form of " + page).isTrue();
            return token.group(1);
        }

        /** Opens the sign-in page and sends its form. */
        MvcTestResult signIn(String username, String password) {
            String token = formToken();
            return post("/login", r -> r.param("username", username)
                    .param("password", password)
                    .param("_csrf", token));
        }

        /** The session id the session cookie names, or null. */
        String sessionId() {
            Cookie session = cookies.get("TENHAL_SESSION");
            return session == null
                    ? null
                    : new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        }

        private MockMvcRequestBuilder withJar(MockMvcRequestBuilder request) {
            request.with(from(address));
            return cookies.isEmpty() ? request : request.cookie(cookies.values().toArray(Cookie[]::new));
        }

        private MvcTestResult keep(MvcTestResult result) {
            for (Cookie c : result.getResponse().getCookies()) {
                if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c);
                }
            }
            return result;
        }
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Sessions written since the test started. */
    long sessionsStarted() {
        return jdbc.sql("select count(*) from spring_session where creation_time >= :since")
                .param("since", startedAt)
                .query(Long.class)
                .single();
    }

    long sessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    long sessionRows(String sessionId) {
        return jdbc.sql("select count(*) from spring_session where session_id = :id")
                .param("id", sessionId)
                .query(Long.class)
                .single();
    }

    /** Password checks since the spy was last cleared. */
    long hashes() {
        return mockingDetails(passwords).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("matches"))
                .count();
    }

    Map<String, Long> failuresAudited(String username) {
        Map<String, Long> notes = new LinkedHashMap<>();
        jdbc.sql("select note, count(*) from audit_entry where action = 'SIGN_IN_FAILED' and username = :u"
                        + " group by note")
                .param("u", username)
                .query((rs, row) -> notes.put(rs.getString(1), rs.getLong(2)))
                .list();
        return notes;
    }

    void deactivate(Caller user) {
        StaffAccount account = accounts.get(user.id());
        StaffMember m = account.member();
        accounts.update(
                user.id(),
                account.version(),
                new StaffUserChanges(m.fullNameEn(), m.fullNameAr(), m.email(), m.roles(), m.language(), false));
    }
}
