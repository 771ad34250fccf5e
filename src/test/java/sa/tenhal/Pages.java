package sa.tenhal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.Objects;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Page tests sign in through the real sign-in form and carry its session cookie, as a browser does. */
public final class Pages {

    private Pages() {}

    public static Cookie signIn(MockMvcTester mvc, StaffFixtures.Caller caller) {
        var signedIn = mvc.post()
                .uri("/login")
                .param("username", caller.username())
                .param("password", StaffFixtures.PASSWORD)
                .with(csrf())
                .exchange();
        return Objects.requireNonNull(signedIn.getResponse().getCookie("TENHAL_SESSION"), "signed in");
    }
}
