package sa.tenhal.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import sa.tenhal.platform.ProblemResponses;
import sa.tenhal.platform.web.IdempotencyStore.State;
import sa.tenhal.platform.web.IdempotencyStore.Stored;

/**
 * Makes creating requests ({@code POST} with an {@code Idempotency-Key} header) safe to repeat: the same caller, key
 * and body get the first response again, marked {@code Idempotency-Replayed: true}, instead of creating twice.
 *
 * <ul>
 *   <li>same key, different request: 422 (a client bug; nothing is done);
 *   <li>same key while the first request is still running: 409 (try again shortly);
 *   <li>the first request failed on our side (5xx): the key is released so the retry runs for real.
 * </ul>
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final ApiProperties properties;
    private final Clock clock;

    IdempotencyFilter(IdempotencyStore store, ApiProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // security answers 401 before anything is created
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Malformed Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 characters",
                    Map.of("field", HEADER));
            return;
        }
        String caller = auth.getName();
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : new byte[0];
        String fingerprint = fingerprint(request, body);

        if (!store.claim(caller, key, fingerprint)) {
            Optional<Stored> existing = store.find(caller, key);
            if (existing.isPresent() && !isStale(existing.get())) {
                answerFromStore(existing.get(), fingerprint, response);
                return;
            }
            // The first request's record vanished or went stale (expired, or its node died): take the key over.
            existing.ifPresent(stale -> store.release(caller, key));
            if (!store.claim(caller, key, fingerprint)) {
                inProgress(response);
                return;
            }
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() < 500) {
                store.complete(
                        caller,
                        key,
                        wrapper.getStatus(),
                        wrapper.getHeader(HttpHeaders.LOCATION),
                        wrapper.getHeader(HttpHeaders.ETAG),
                        wrapper.getContentType(),
                        wrapper.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(caller, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private boolean isStale(Stored stored) {
        var age = java.time.Duration.between(stored.createdAt(), clock.instant());
        return stored.state() == State.IN_PROGRESS
                ? age.compareTo(properties.idempotencyAbandonAfter()) > 0
                : age.compareTo(properties.idempotencyRetention()) > 0;
    }

    private void answerFromStore(Stored stored, String fingerprint, HttpServletResponse response) throws IOException {
        if (!stored.fingerprint().equals(fingerprint)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request",
                    Map.of("field", HEADER));
            return;
        }
        if (stored.state() == State.IN_PROGRESS) {
            inProgress(response);
            return;
        }
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotency-Replayed", "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static void inProgress(HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.CONFLICT,
                "idempotency-key-in-progress",
                "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly");
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ' ');
            sha.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                sha.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
