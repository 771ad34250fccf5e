package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.LinkTokens;
import sa.tenhal.platform.SecretTokens;

/**
 * The secrets in confirmation links: 256 bits from {@code SecureRandom} as 64 hex characters, of which only the
 * SHA-256 is stored. Each message gets its own (they are minted when it is sent); all of a request's tokens work
 * while the request is valid and none after it has changed.
 */
@Component
class ConfirmationTokens {

    private final LinkTokens tokens;

    ConfirmationTokens(JdbcClient jdbc) {
        this.tokens = new LinkTokens(jdbc, "appointment_confirmation_token", "confirmation_id");
    }

    /** The seed's generate_token: a new secret, 64 lower-case hex characters. */
    static String generate() {
        return SecretTokens.newSecret();
    }

    String issue(UUID confirmation, Instant now) {
        return tokens.issue(confirmation, now);
    }

    /** The request a token belongs to; malformed tokens are not even looked up. */
    Optional<UUID> confirmationOf(String token) {
        return tokens.subjectOf(token);
    }
}
