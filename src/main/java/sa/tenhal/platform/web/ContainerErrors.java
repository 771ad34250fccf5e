package sa.tenhal.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat itself answers when it refuses a request before the application sees it — a request line with a
 * character no URL may hold ({@code {}, {@code "}, a raw {@code %}), an encoded {@code /} or {@code \} or NUL in the
 * path, bytes that are not UTF-8, headers too large: a problem document under {@code /api/} and {@code /actuator/}
 * (and for a request line so broken that it names no path), a short page in Arabic and English elsewhere, instead
 * of Tomcat's own HTML page. Replaces the error report valve
 * Spring Boot installs on the host (after Boot's customizer, which has order 0).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(Report.class.getName());
            }
            host.getPipeline().addValve(new Report());
        });
    }

    /** The report itself: never the exception, never the server's name. */
    static class Report extends ErrorReportValve {

        Report() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            // The path as received. A request line Tomcat could not parse at all (a character no URL may hold, or
            // longer
            // than the header buffer) names no path: browsers never send one, programs do, so it gets a problem too.
            String uri = request.getCoyoteRequest().requestURI().toString();
            boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/") || uri.startsWith("/actuator");
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setCharacterEncoding("UTF-8");
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(api ? problem(status, title) : page(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away, or the response cannot take a body: nothing more to say
            }
        }

        private static String problem(int status, String title) {
            boolean badRequest = status == 400;
            String detail = badRequest
                    ? "The request line or its headers could not be read: a character no URL may hold unencoded,"
                            + " an encoded '/', '\\\\' or NUL in the path, bytes that are not UTF-8, or too long"
                    : status >= 500 ? "Something went wrong on our side; nothing was changed" : title;
            return "{\"type\":\"urn:tenhal:problem:" + (badRequest ? "malformed-request" : "http-" + status)
                    + "\",\"title\":\"" + (badRequest ? "Malformed request" : title) + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\"}";
        }

        private static String page(int status) {
            boolean client = status < 500;
            return """
                    <!DOCTYPE html>
                    <html lang="ar" dir="rtl">
                    <head>
                      <meta charset="utf-8">
                      <meta name="viewport" content="width=device-width, initial-scale=1">
                      <meta name="robots" content="noindex">
                      <title>حدث خطأ · Something went wrong</title>
                      <link rel="stylesheet" href="/css/tenhal.css">
                    </head>
                    <body>
                    <main id="main">
                      <section class="card narrow">
                        <h1>حدث خطأ</h1>
                        <p>%s</p>
                      </section>
                      <section class="card narrow" lang="en" dir="ltr">
                        <h1>Something went wrong</h1>
                        <p>%s</p>
                        <p><a href="/">Tenhal</a></p>
                      </section>
                    </main>
                    </body>
                    </html>
                    """.formatted(
                            client
                                    ? "تعذّر فهم هذا الطلب فلم يُنفَّذ شيء. ارجع وحاول مرة أخرى."
                                    : "حدث خطأ من جهتنا ولم يتغير شيء. يرجى المحاولة مرة أخرى.",
                            client
                                    ? "This request could not be understood, so nothing was done. Go back and try again."
                                    : "Something went wrong on our side. Nothing was changed. Please try again.");
        }
    }
}
