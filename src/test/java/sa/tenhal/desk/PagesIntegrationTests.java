package sa.tenhal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class PagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Test
    void theSignInPageSpeaksArabicRightToLeftAndEnglish() {
        MvcTestResult arabic = mvc.get().uri("/login?lang=ar").exchange();
        assertThat(arabic).hasStatusOk();
        assertThat(Bodies.text(arabic)).contains("dir=\"rtl\"", "lang=\"ar\"", "تسجيل الدخول", "name=\"_csrf\"");
        MvcTestResult english = mvc.get()
                .uri("/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .exchange();
        assertThat(Bodies.text(english)).contains("dir=\"ltr\"", "Sign in");
        // No demo users without demo data.
        assertThat(Bodies.text(english)).doesNotContain("demo-users");
    }

    @Test
    void pagesNeedASignInAndTheHomePageGreetsByName() {
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        var nurse = staff.as(Role.NURSE);
        Cookie session = Pages.signIn(mvc, nurse);
        MvcTestResult home = mvc.get().uri("/").cookie(session).exchange();
        assertThat(home).hasStatusOk();
        assertThat(Bodies.text(home)).contains("Test [NURSE]", "Nurse");
        MvcTestResult arabicHome = mvc.get().uri("/?lang=ar").cookie(session).exchange();
        assertThat(Bodies.text(arabicHome)).contains("أهلاً", "ممرض");
    }

    @Test
    void everyPageLinksToItselfInTheOtherLanguageKeepingItsQuery() {
        var nurse = staff.as(Role.NURSE);
        Cookie session = Pages.signIn(mvc, nurse);
        MvcTestResult page =
                mvc.get().uri("/patients?q=sara&lang=en").cookie(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page)).contains("/patients?q=sara&amp;lang=ar");
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefused() {
        var nurse = staff.as(Role.NURSE);
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", nurse.username())
                        .param("password", StaffFixtures.PASSWORD))
                .hasStatus(403);
    }

    @Test
    void anUnknownPageShowsTheErrorPageNotJson() {
        var nurse = staff.as(Role.NURSE);
        MvcTestResult missing = mvc.get()
                .uri("/no-such-page")
                .cookie(Pages.signIn(mvc, nurse))
                .header(HttpHeaders.ACCEPT, "text/html")
                .exchange();
        assertThat(missing).hasStatus(404);
    }
}
