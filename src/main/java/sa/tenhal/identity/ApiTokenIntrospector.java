package sa.tenhal.identity;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.SecretTokens;

/** Checks a bearer token against the stored hashes: unknown, revoked, expired or of a disabled user is a 401. */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;
    private final StaffUsers users;
    private final ClinicTime time;

    ApiTokenIntrospector(ApiTokens tokens, StaffUsers users, ClinicTime time) {
        this.tokens = tokens;
        this.users = users;
        this.time = time;
    }

    @Override
    @Transactional
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        if (token == null
                || !token.startsWith(StaffAccounts.TOKEN_PREFIX)
                || !SecretTokens.looksLikeSecret(token.substring(StaffAccounts.TOKEN_PREFIX.length()))) {
            throw new BadOpaqueTokenException("malformed token");
        }
        Instant now = time.now();
        ApiToken apiToken = tokens.findByTokenHash(SecretTokens.sha256(token))
                .filter(t -> t.isUsableAt(now))
                .orElseThrow(() -> new BadOpaqueTokenException("unknown, revoked or expired token"));
        StaffUser user = users.findById(apiToken.userId().value())
                .filter(StaffUser::enabled)
                .orElseThrow(() -> new BadOpaqueTokenException("the token's user is disabled"));
        tokens.markUsed(apiToken.id(), now, now.minus(Duration.ofMinutes(1)));
        StaffPrincipal principal = StaffUserDetailsService.principal(user, time);
        principal.eraseCredentials();
        return principal;
    }
}
