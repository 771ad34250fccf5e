package sa.tenhal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.SecretTokens;
import sa.tenhal.platform.caching.SharedCache;
import sa.tenhal.platform.caching.SharedCaches;

/**
 * Checks a bearer token against the stored hashes: unknown, revoked, expired or of a disabled user is a 401.
 *
 * <p>An API client sends the same token with every request, so a token found good is remembered (by its hash) for a
 * few minutes: revoking it, or changing its user's roles or access, clears what every node remembers
 * ({@link SharedCaches}, region {@value #REGION}), and its expiry is checked on every request. Its last use is
 * written at most once a minute.
 */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    /** The cache region that revoking a token or changing a user's access announces. */
    static final String REGION = "api-tokens";

    private static final Duration MARK_USED_EVERY = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final StaffUsers users;
    private final ClinicTime time;
    private final TransactionTemplate tx;
    private final SharedCache<String, Known> known;

    ApiTokenIntrospector(
            ApiTokens tokens,
            StaffUsers users,
            ClinicTime time,
            PlatformTransactionManager transactions,
            SharedCaches caches) {
        this.tokens = tokens;
        this.users = users;
        this.time = time;
        this.tx = new TransactionTemplate(transactions);
        this.known = caches.cache(REGION, 10_000, Duration.ofMinutes(5));
    }

    /** A token found good: whose it is, until when, and when this node last wrote its use. */
    private record Known(UUID tokenId, Instant expiresAt, StaffPrincipal principal, AtomicReference<Instant> markedAt) {

        boolean usableAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (token == null
                || !token.startsWith(StaffAccounts.TOKEN_PREFIX)
                || !SecretTokens.looksLikeSecret(token.substring(StaffAccounts.TOKEN_PREFIX.length()))) {
            throw new BadOpaqueTokenException("malformed token");
        }
        Instant now = time.now();
        String hash = SecretTokens.sha256(token);
        Known found = known.getIfPresent(hash);
        if (found == null || !found.usableAt(now)) {
            known.invalidate(hash);
            long generation = known.generation();
            found = tx.execute(status -> look(hash, now));
            known.put(hash, found, generation);
        } else {
            markUsed(found, now);
        }
        return found.principal();
    }

    private Known look(String hash, Instant now) {
        ApiToken apiToken = tokens.findByTokenHash(hash)
                .filter(t -> t.isUsableAt(now))
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, revoked or expired token"));
        StaffUser user = users.findById(apiToken.userId().value())
                .filter(StaffUser::enabled)
                .orElseThrow(() -> new BadOpaqueTokenException("the token's user is disabled"));
        tokens.markUsed(apiToken.id(), now, now.minus(MARK_USED_EVERY));
        StaffPrincipal principal = StaffUserDetailsService.principal(user);
        principal.eraseCredentials();
        return new Known(apiToken.id(), apiToken.view().expiresAt(), principal, new AtomicReference<>(now));
    }

    private void markUsed(Known found, Instant now) {
        Instant marked = found.markedAt().get();
        if (marked.plus(MARK_USED_EVERY).isBefore(now) && found.markedAt().compareAndSet(marked, now)) {
            tx.executeWithoutResult(status -> tokens.markUsed(found.tokenId(), now, now.minus(MARK_USED_EVERY)));
        }
    }
}
