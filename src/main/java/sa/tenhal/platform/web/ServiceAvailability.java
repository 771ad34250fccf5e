package sa.tenhal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter (before sessions and security, which read the database): answers 503 with a problem body (or
 * a short page in Arabic and English) and {@code Retry-After}
 *
 * <ul>
 *   <li>while the node is still starting — the web server listens before the demo data is loaded and the node is
 *       ready, and nobody should see a sign-in page whose users do not exist yet (the probes under {@code /actuator}
 *       pass, so that readiness can be asked);
 *   <li>for a request that failed because PostgreSQL could not be reached ({@link DatabaseUnavailable}), wherever it
 *       failed: in a filter (sessions, bearer tokens) or in a controller.
 * </ul>
 */
class ServiceAvailability extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceAvailability.class);

    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ready && !request.getRequestURI().startsWith("/actuator")) {
            refuse(request, response, "starting", "Tenhal is starting; try again in a few seconds", 5);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(), e);
            response.reset();
            unavailable(request, response);
        }
    }

    /** The answer to a request that the database's absence made fail (also used by the controllers' advice). */
    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(
                request,
                response,
                "database-unavailable",
                "The database cannot be reached at the moment. Try again shortly (with the same Idempotency-Key for a write)",
                10);
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, String type, String detail, int retryAfter)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String accept = request.getHeader("Accept");
        if (ErrorPages.isApi(request) || accept == null || !accept.contains("text/html")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"urn:tenhal:problem:" + type
                            + "\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + detail + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="ar" dir="rtl">
                    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>تنهال غير متاح مؤقتاً · Tenhal is briefly unavailable</title>
                    <link rel="stylesheet" href="/css/tenhal.css"></head>
                    <body><main id="main">
                    <section class="card narrow"><h1>غير متاح مؤقتاً</h1>
                    <p>يرجى المحاولة بعد لحظات.</p></section>
                    <section class="card narrow" lang="en" dir="ltr"><h1>Briefly unavailable</h1>
                    <p>Please try again in a moment.</p></section>
                    </main></body></html>
                    """);
        }
    }
}
