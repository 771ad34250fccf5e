package sa.tenhal.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.SecretTokens;

/**
 * One-time links with which a staff user sets their password (the welcome email carries one). A link is 256 random
 * bits; only its SHA-256 is stored; it is valid for 48 hours and once. Setting the password uses up every link of that
 * user.
 */
@Service
@Transactional
public class PasswordSetupLinks {

    static final Duration VALIDITY = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final StaffAccounts accounts;
    private final ClinicTime time;
    private final String baseUrl;

    PasswordSetupLinks(
            JdbcClient jdbc, StaffAccounts accounts, ClinicTime time, @Value("${tenhal.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.time = time;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A new link for the user; call it when the message that carries it is sent, so the link exists only there. */
    public String mint(UserId user) {
        String token = SecretTokens.newSecret();
        Instant now = time.now();
        jdbc.sql(
                        "insert into password_setup_token (token_hash, user_id, created_at, expires_at) values (:hash, :user, :now, :expires)")
                .param("hash", SecretTokens.sha256(token))
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(VALIDITY)))
                .update();
        return baseUrl + "/set-password/" + token;
    }

    /** The user a still-valid link belongs to. */
    @Transactional(readOnly = true)
    public Optional<UserId> holder(String token) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select user_id from password_setup_token where token_hash = :hash and used_at is null and expires_at > :now")
                .param("hash", SecretTokens.sha256(token))
                .param("now", Timestamp.from(time.now()))
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }

    /** Sets the password through a link, which (with every other link of the user) is then used up. */
    public UserId setPassword(String token, String password) {
        UserId user = holder(token)
                .orElseThrow(() -> new InvalidFieldsException("token", "the link is unknown, used or expired"));
        accounts.setPassword(user, password);
        jdbc.sql("update password_setup_token set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(time.now()))
                .param("user", user.value())
                .update();
        return user;
    }
}
