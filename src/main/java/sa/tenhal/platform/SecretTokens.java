package sa.tenhal.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets that people carry in links and headers (API tokens, set-password and confirmation links): 256 bits from
 * {@link SecureRandom}, written as 64 hex characters. Only their SHA-256 is ever stored, so a copy of the database
 * opens nothing.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {}

    /** A new secret: 64 lower-case hex characters. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The hex SHA-256 of a secret, the form in which it is stored and looked up. */
    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for a string of the shape {@link #newSecret()} produces; cheap to check before any lookup. */
    public static boolean looksLikeSecret(String text) {
        return text != null
                && text.length() == 64
                && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
