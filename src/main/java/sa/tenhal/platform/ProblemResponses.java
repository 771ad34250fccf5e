package sa.tenhal.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem straight to a servlet response, for filters that answer before any controller runs
 * (authentication, body size, idempotency). Same members as the controllers' problems.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        write(response, status, slug, title, detail, Map.of());
    }

    public static void write(
            HttpServletResponse response,
            HttpStatus status,
            String slug,
            String title,
            String detail,
            Map<String, Object> properties)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:tenhal:problem:" + slug);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.putAll(properties);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
