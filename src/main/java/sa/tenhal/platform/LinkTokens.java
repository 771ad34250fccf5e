package sa.tenhal.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secrets in the links a message carries to a patient (a confirmation request, a waitlist offer): one table of
 * {@code (token_hash, <subject>, created_at)} per kind of link, storing only each secret's SHA-256. Every message mints
 * a token of its own when it is sent, so the SMS and the email of one offer both work; whether the thing behind them
 * may still be acted on is its owner's rule, not the token's.
 */
public final class LinkTokens {

    private final JdbcClient jdbc;
    private final String insert;
    private final String select;

    /** {@code table} and {@code subjectColumn} are names from code, never from input. */
    public LinkTokens(JdbcClient jdbc, String table, String subjectColumn) {
        this.jdbc = jdbc;
        this.insert = "insert into " + table + " (token_hash, " + subjectColumn + ", created_at)"
                + " values (:hash, :subject, :now)";
        this.select = "select " + subjectColumn + " from " + table + " where token_hash = :hash";
    }

    /** A new secret for the subject; the caller puts it in the link, the database keeps only its hash. */
    public String issue(UUID subject, Instant now) {
        String token = SecretTokens.newSecret();
        jdbc.sql(insert)
                .param("hash", SecretTokens.sha256(token))
                .param("subject", subject)
                .param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /** The subject a token was issued for; malformed tokens are not even looked up. */
    public Optional<UUID> subjectOf(String token) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return Optional.empty();
        }
        return jdbc.sql(select)
                .param("hash", SecretTokens.sha256(token))
                .query(UUID.class)
                .optional();
    }
}
