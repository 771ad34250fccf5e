package sa.tenhal.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FlushMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ProblemResponses;

/**
 * Two doors. {@code /api/**} and {@code /actuator/**}: bearer tokens (or the page session, with CSRF), answers in
 * problem JSON. Everything else: pages with a sign-in form, a session kept in PostgreSQL and CSRF on every form.
 * Role checks sit on the endpoints themselves ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession
@EnableConfigurationProperties(SignInProperties.class)
class SecurityConfiguration {

    /**
     * Paths anyone may open: the sign-in page, assets, API docs, patient pages and set-password links (which carry
     * their own token) and provider webhooks (which carry the provider's signature).
     */
    static final String[] PUBLIC_PAGES = {
        "/login",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/p/**",
        "/set-password/**",
        "/webhooks/**"
    };

    /**
     * What pages may load: everything from Tenhal itself and nothing inline but styles — no inline script and no
     * inline event handler ({@code onclick=}) runs, so markup that an attacker manages to put into a page stays inert.
     * Pages load their behaviour from {@code /js/*.js}.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
            + " 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /**
     * No observations from Spring Security: a span for each of its filters, authentications and authorizations on
     * every request is work nobody reads (no tracing is exported), and with them off it does not wrap its filters at
     * all. The request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        // an attempt made to wait is a failed sign-in too, and the audit trail records it as one
        events.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    /** Security expressions parsed once (the pages' role checks), not on every evaluation. */
    @Bean
    static CachedSecurityExpressions cachedSecurityExpressions() {
        return new CachedSecurityExpressions();
    }

    /** Forms' CSRF tokens: the session's when there is one, else a cookie's, so that no anonymous page starts one. */
    @Bean
    SessionOrCookieCsrfTokens csrfTokens() {
        return new SessionOrCookieCsrfTokens();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(SignInProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
            repository.setFlushMode(FlushMode.ON_SAVE);
        };
    }

    /** The session cookie: not readable by scripts, not sent on cross-site requests. */
    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName("TENHAL_SESSION");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        return serializer;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenIntrospector introspector, SessionOrCookieCsrfTokens csrfTokens)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "Unauthorized",
                    "Sign in or send a valid bearer token");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> ProblemResponses.write(
                response,
                HttpStatus.FORBIDDEN,
                e.getClass().getSimpleName().contains("Csrf") ? "csrf" : "forbidden",
                "Forbidden",
                e.getClass().getSimpleName().contains("Csrf")
                        ? "Requests made with a page session must carry the CSRF token"
                        : "Your role does not allow this");
        RequestMatcher bearer = request -> hasBearer(request);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .requestMatchers("/actuator/**")
                                .hasRole(Role.ADMIN.name())
                                .anyRequest()
                                .authenticated())
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(introspector))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .csrf(c -> c.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(bearer))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http, SignInProperties signIn, SessionOrCookieCsrfTokens csrfTokens, ClinicTime time)
            throws Exception {
        // One answer for an unknown name, a wrong password, a deactivated account; another for an attempt made to
        // wait, alike for every name (see StaffSignIn and SignInThrottle).
        AuthenticationFailureHandler failure = (request, response, e) -> response.sendRedirect(
                request.getContextPath() + (e instanceof SignInThrottledException ? "/login?wait" : "/login?error"));
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        // the administration index, the catalogue and the schedules are the managers' too
                        .requestMatchers("/admin", "/admin/catalogue/**", "/admin/schedules", "/admin/schedules/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name())
                        .requestMatchers("/db-scheduler/**", "/db-scheduler-api/**", "/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                // Webhooks prove themselves with the provider's signature, not with a session or a CSRF token.
                .csrf(c -> c.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/webhooks/**"))
                .requestCache(c -> c.requestCache(pageToReturnTo()))
                .addFilterBefore(new SignInRateLimit(signIn, time), CsrfFilter.class)
                .formLogin(f -> f.loginPage("/login")
                        .failureHandler(failure)
                        .defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?signedOut").permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * The page an anonymous visitor asked for, to return to after signing in: kept in a cookie (a relative path only),
     * not in a session, so that asking for a page without signing in writes nothing. Only page views are kept, not
     * htmx fragments or posts.
     */
    private static RequestCache pageToReturnTo() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
        cache.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        return cache;
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
