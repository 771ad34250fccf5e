package sa.tenhal.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.tenhal.platform.SecretTokens;

/**
 * Rate limits on the patients' links ({@code /p/<kind>/<token>...}): per client address and per link, token buckets
 * refilled each minute. Past a limit the answer is 429 with {@code Retry-After} and a short page in both languages.
 * Buckets live in this node's memory (bounded, forgotten after ten idle minutes): several nodes each apply the limit,
 * which still stops floods and guessing.
 */
class PatientLinkRateLimit extends OncePerRequestFilter {

    /** The token is the path segment after the link's kind; only its hash is kept as a key. */
    private static final Pattern LINK = Pattern.compile("^/p/[\\w-]+/([^/?#]+)");

    private final PatientLinkProperties limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(200_000)
            .build();
    private final byte[] tooManyPage;

    PatientLinkRateLimit(PatientLinkProperties limits) {
        this.limits = limits;
        try (InputStream page = new ClassPathResource("static/p/too-many.html").getInputStream()) {
            this.tooManyPage = page.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("static/p/too-many.html is missing", e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ConsumptionProbe byAddress = bucket("a:" + request.getRemoteAddr(), limits.perAddressPerMinute())
                .tryConsumeAndReturnRemaining(1);
        ConsumptionProbe byLink = null;
        Matcher link = LINK.matcher(path);
        if (byAddress.isConsumed() && link.find()) {
            byLink = bucket("t:" + SecretTokens.sha256(link.group(1)), limits.perLinkPerMinute())
                    .tryConsumeAndReturnRemaining(1);
        }
        ConsumptionProbe refused =
                !byAddress.isConsumed() ? byAddress : byLink != null && !byLink.isConsumed() ? byLink : null;
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds =
                Math.max(1, Duration.ofNanos(refused.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(waitSeconds));
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(tooManyPage);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
    }
}
