package sa.tenhal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.tenhal.platform.ControlCharacters;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.ProblemResponses;

/**
 * Reads every request's parameters (query string and form body) before anything else does, and refuses the request
 * when they cannot be right:
 *
 * <ul>
 *   <li>a name or value holding a refused character ({@link ControlCharacters}): 400 naming the parameter;
 *   <li>a parameter name or header that Spring Security's firewall would refuse when first read: 400 naming it;
 *   <li>parameters the container cannot decode (a stray {@code %}, bytes that are not UTF-8, too many parameters):
 *       400;
 *   <li>a form body larger than the container reads ({@code server.tomcat.max-http-form-post-size}, 2 MB), or an
 *       upload over the multipart limits: 413.
 * </ul>
 *
 * The API gets a problem, pages the error page in the user's language. Done here, once, because Spring Security's
 * filters read parameters (the CSRF token, the sign-in form) long before any controller, and the container throws
 * — on that read and on every later one — when they cannot be parsed; and because a control character that reached
 * PostgreSQL as U+0000 failed the statement (500) and the others were stored as invisible garbage.
 */
class RequestTextGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = inspect(request);
        if (refusal == null) {
            chain.doFilter(request, response);
        } else if (ErrorPages.isApi(request)) {
            refuseApi(response, refusal);
        } else {
            ErrorPages.forward(request, response, refusal.status(), refusal.problem());
        }
    }

    private static Refusal inspect(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            return unreadable(e);
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.present(name) || !firewallAccepts(name)) {
                String why = ControlCharacters.reason(name);
                return new Refusal(
                        HttpStatus.BAD_REQUEST,
                        new FieldProblem(
                                printable(name),
                                "the parameter's name "
                                        + (why != null
                                                ? why
                                                : "holds a tab, a line break or an unassigned code point")));
            }
            for (String value : parameter.getValue()) {
                String reason = ControlCharacters.reason(value);
                if (reason != null) {
                    return new Refusal(HttpStatus.BAD_REQUEST, new FieldProblem(printable(name), reason));
                }
            }
        }
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                if (!firewallAccepts(values.nextElement())) {
                    return new Refusal(
                            HttpStatus.BAD_REQUEST,
                            new FieldProblem(
                                    printable(name),
                                    "the header holds a control character or an unassigned code point (send"
                                            + " non-ASCII text percent-encoded)"));
                }
            }
        }
        return null;
    }

    /**
     * What Spring Security's {@code StrictHttpFirewall} accepts in a parameter's name and in a header: no ISO control
     * character (C0, DEL, C1 — tab included) and no unassigned code point. The firewall checks them only when someone
     * reads them, and throws wherever that is; here they are refused before anyone does. A header decoded from raw
     * UTF-8 bytes (Tomcat reads headers as ISO-8859-1) often holds C1 characters: browsers percent-encode instead.
     */
    private static boolean firewallAccepts(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || !Character.isDefined(c));
    }

    /** Tomcat says why it could not parse the parameters by the status it attaches: 413 for a body too large. */
    private static Refusal unreadable(IllegalStateException e) {
        boolean tooLarge = e instanceof InvalidParameterException invalid
                        && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                || causedBySize(e);
        return tooLarge
                ? new Refusal(HttpStatus.CONTENT_TOO_LARGE, null)
                : new Refusal(
                        HttpStatus.BAD_REQUEST,
                        new FieldProblem(
                                "parameters",
                                "could not be decoded (a '%' that starts no %XX escape, or bytes that are not UTF-8)"));
    }

    private static boolean causedBySize(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || t.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    private static void refuseApi(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE) {
            ProblemResponses.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "too-large",
                    "Request too large",
                    "The form or upload is larger than the server accepts");
            return;
        }
        FieldProblem problem = refusal.problem();
        ProblemResponses.write(
                response,
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                problem.field() + ": " + problem.reason(),
                Map.of("field", problem.field(), "errors", List.of(problem)));
    }

    /** A parameter's name shown back with its refused characters replaced, so the answer carries none of them. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (ControlCharacters.present(new String(Character.toChars(c)))) {
                shown.append('\uFFFD');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown.toString();
    }

    private record Refusal(HttpStatus status, FieldProblem problem) {}
}
