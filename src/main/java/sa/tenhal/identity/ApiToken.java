package sa.tenhal.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * A bearer token an admin issued to a user for API access. Only the SHA-256 of the token is kept; the token itself
 * is shown once, when issued. Revoked tokens stay, for the record.
 */
@Entity
@Table(name = "api_token")
class ApiToken extends StoredRecord<ApiToken> {

    @Id
    private UUID id;

    private UUID userId;
    private String name;
    private String tokenHash;
    private String prefix;
    private UUID issuedBy;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(
            UserId user,
            String name,
            String tokenHash,
            String prefix,
            UserId issuedBy,
            Instant now,
            Instant expiresAt) {
        this.id = Ids.newId();
        this.userId = user.value();
        this.name = name;
        this.tokenHash = tokenHash;
        this.prefix = prefix;
        this.issuedBy = issuedBy == null ? null : issuedBy.value();
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Revokes the token; true if this call revoked it. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    UserId userId() {
        return new UserId(userId);
    }

    ApiTokenView view() {
        return new ApiTokenView(id, name, prefix, issuedAt, expiresAt, lastUsedAt, revokedAt);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
