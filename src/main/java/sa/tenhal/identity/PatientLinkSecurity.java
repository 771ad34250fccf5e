package sa.tenhal.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The pages patients open from a message ({@code /p/**}): open to anyone holding the link, and stateless — no session
 * is created or read, so nothing about a patient's link (least of all its token) is kept on the server, and an
 * anonymous client opening links costs no session row. The forms on these pages are still protected against
 * cross-site posts, by the double-submit cookie: the CSRF token travels in an HTTP-only cookie scoped to
 * {@code /p} and in the form, and the two must agree.
 */
@Configuration(proxyBeanMethods = false)
class PatientLinkSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain patientLinks(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("TENHAL_LINK_CSRF");
        tokens.setCookiePath("/p");
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        CsrfTokenRequestAttributeHandler eager = new CsrfTokenRequestAttributeHandler();
        // the token is made before the page is written, so its cookie goes out with the page's headers
        eager.setCsrfRequestAttributeName(null);
        http.securityMatcher("/p/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(tokens).csrfTokenRequestHandler(eager))
                .headers(h -> h.contentSecurityPolicy(
                        csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
