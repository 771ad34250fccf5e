package sa.tenhal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.tenhal.platform.ClinicTime;

/**
 * The flood limit on the sign-in form: {@link SignInProperties#perAddressPerMinute()} attempts ({@code POST /login})
 * per client address per minute, whatever their outcome, in a token bucket refilled over the minute. Past it the answer
 * is 429 with {@code Retry-After} and a short page in both languages, before any password is checked or anything is
 * written. Guessing one account is slowed by {@link SignInThrottle}; this keeps one address from costing the server
 * a password hash per request without end. Buckets live in this node's memory (bounded, forgotten after ten idle
 * minutes) and refill by the clinic's clock, which tests move (a bucket does not refill while that clock stands
 * before its last refill).
 */
class SignInRateLimit extends OncePerRequestFilter {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(100_000)
            .build();
    private final byte[] tooManyPage;
    private final TimeMeter clock;

    SignInRateLimit(SignInProperties limits, ClinicTime time) {
        this.perMinute = limits.perAddressPerMinute();
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = time.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        try (InputStream page = new ClassPathResource("identity/too-many-sign-ins.html").getInputStream()) {
            this.tooManyPage = page.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("identity/too-many-sign-ins.html is missing", e);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                        .withCustomTimePrecision(clock)
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(waitSeconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(tooManyPage);
    }
}
