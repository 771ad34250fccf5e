package sa.tenhal.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.ProblemResponses;

/**
 * What {@code /error} answers, for every status a request ends with that no controller answered itself (the servlet
 * container's error dispatch, {@code sendError}, and the refusals of {@link RequestTextGuard}): the API
 * ({@code /api/**}, {@code /actuator/**}) gets an RFC 9457 problem, whatever it accepts; everything else gets a page
 * in the user's language — the patients' frame under {@code /p/}, the staff frame elsewhere — never JSON, and never a
 * stack trace. Replaces Spring Boot's {@code BasicErrorController}, which answered pages with JSON unless the client
 * asked for HTML first.
 */
@Controller
class ErrorPages implements ErrorController {

    /** Request attribute: the field that made the request unreadable, shown on the page. */
    static final String FIELD = ErrorPages.class.getName() + ".field";

    /** Request attribute: why, in English, for the problem body. */
    static final String REASON = ErrorPages.class.getName() + ".reason";

    /** Whether {@code request} (or the request that failed, in an error dispatch) is an API call. */
    static boolean isApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
    }

    /**
     * Answers a page request with the error page at once, from a filter that cannot let the request go further: the
     * page is rendered by a forward to {@code /error} that sees no parameters, because the container refuses to read
     * them again once they were found unreadable.
     */
    static void forward(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, FieldProblem problem)
            throws ServletException, IOException {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        if (problem != null) {
            request.setAttribute(FIELD, problem.field());
            request.setAttribute(REASON, problem.reason());
        }
        response.resetBuffer();
        response.setStatus(status.value());
        request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (isApi(request)) {
            problem(request, response, status);
            return null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("message", message(status));
        Object field = request.getAttribute(FIELD);
        if (field != null) {
            model.put("field", field);
        }
        String view = pathOf(request).startsWith("/p/") ? "patient-error" : "error";
        return new ModelAndView(view, model, status);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        Object field = request.getAttribute(FIELD);
        Object reason = request.getAttribute(REASON);
        String title = status.getReasonPhrase();
        String detail = field != null
                ? field + ": " + reason
                : status.is5xxServerError() ? "Something went wrong on our side; nothing was changed" : title;
        Map<String, Object> members = field == null
                ? Map.of()
                : Map.of("field", field, "errors", List.of(new FieldProblem(field.toString(), String.valueOf(reason))));
        ProblemResponses.write(
                response,
                status,
                status == HttpStatus.BAD_REQUEST ? "malformed-request" : slug(status),
                status == HttpStatus.BAD_REQUEST ? "Malformed request" : title,
                detail,
                members);
    }

    static String slug(HttpStatus status) {
        return switch (status) {
            case CONTENT_TOO_LARGE -> "too-large";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> status.name().toLowerCase().replace('_', '-');
        };
    }

    /** The message key the page shows for a status. */
    static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "error.forbidden";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case TOO_MANY_REQUESTS -> "error.tooMany";
            case CONFLICT, PRECONDITION_FAILED -> "error.conflict";
            default -> status.is4xxClientError() ? "error.badRequest" : "error.generic";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String pathOf(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    /** The refused request, with its parameters out of reach of everything that renders the page. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }
}
