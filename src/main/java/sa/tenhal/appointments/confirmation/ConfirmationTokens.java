package sa.tenhal.appointments.confirmation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.SecretTokens;

/**
 * The secrets in confirmation links: 256 bits from {@code SecureRandom} as 64 hex characters, of which only the
 * SHA-256 is stored. Each message gets its own (they are minted when it is sent); all of a request's tokens work
 * while the request is valid and none after it has changed.
 */
@Component
class ConfirmationTokens {

    private final JdbcClient jdbc;

    ConfirmationTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seed's generate_token: a new secret, 64 lower-case hex characters. */
    static String generate() {
        return SecretTokens.newSecret();
    }

    String issue(UUID confirmation, Instant now) {
        String token = generate();
        jdbc.sql("insert into appointment_confirmation_token (token_hash, confirmation_id, created_at)"
                        + " values (:hash, :confirmation, :now)")
                .param("hash", SecretTokens.sha256(token))
                .param("confirmation", confirmation)
                .param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /** The request a token belongs to; malformed tokens are not even looked up. */
    Optional<UUID> confirmationOf(String token) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select confirmation_id from appointment_confirmation_token where token_hash = :hash")
                .param("hash", SecretTokens.sha256(token))
                .query(UUID.class)
                .optional();
    }
}
