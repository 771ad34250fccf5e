package sa.tenhal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.tenhal.platform.ProblemResponses;

/**
 * Reads API request bodies (other than uploads) up to {@code tenhal.api.max-body-size} and answers 413 beyond it,
 * before any controller sees a byte. The body is kept so that later filters (idempotency) can read it too.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimitFilter(ApiProperties properties) {
        this.limit = properties.maxBodySize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean hasBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        String contentType = request.getContentType();
        boolean upload = contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        return !hasBody || upload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(response);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.read(request, limit);
        } catch (BodyTooLargeException e) {
            tooLarge(response);
            return;
        }
        chain.doFilter(cached, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "too-large",
                "Request too large",
                "The request body is larger than " + limit + " bytes");
    }
}
