package sa.tenhal.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as admins see it: never the token itself, only its first characters to recognise it by. */
public record ApiTokenView(
        UUID id,
        String name,
        String prefix,
        Instant issuedAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
