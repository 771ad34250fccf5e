package sa.tenhal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where a form's CSRF token is kept: in the session when the visitor has one (signed-in staff), otherwise in a cookie
 * of its own ({@value #COOKIE}). Keeping it in the session always made every anonymous page with a form (the sign-in
 * page above all) start a session, a row in PostgreSQL kept for an hour, for anyone who asked.
 *
 * <p>The cookie is a double-submit token: a forged cross-site request carries the cookie but cannot read it (HttpOnly,
 * and another site cannot read our pages) to put it in the form. It is weaker than the session's token only against
 * someone who can write cookies for our host (a hostile sub-domain, or plain HTTP on the way): such a person could sign
 * a victim in to an account of their own. Signed-in staff never rely on it — once a session exists only the session's
 * token counts, and signing in drops the cookie's.
 */
class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "TENHAL_CSRF";
    private static final String HEADER = "X-CSRF-TOKEN";
    private static final String PARAMETER = "_csrf";

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    SessionOrCookieCsrfTokens() {
        session.setHeaderName(HEADER);
        session.setParameterName(PARAMETER);
        cookie.setHeaderName(HEADER);
        cookie.setParameterName(PARAMETER);
        cookie.setCookieName(COOKIE);
        // HttpOnly (the default): pages read the token from the form or the meta tag, never from the cookie
        cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (hasSession(request)) {
            session.saveToken(token, request, response);
            if (token == null && WebUtils.getCookie(request, COOKIE) != null) {
                cookie.saveToken(null, request, response);
            }
        } else {
            cookie.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return hasSession(request) ? session.loadToken(request) : cookie.loadToken(request);
    }

    private static boolean hasSession(HttpServletRequest request) {
        return request.getSession(false) != null;
    }
}
