package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the units' private keys and CSID secrets at rest with AES-256-GCM under the key the environment gives
 * ({@code TENHAL_ZATCA_KEY_ENCRYPTION_KEY}); the stored bytes are a 12-byte nonce and the ciphertext. Only the
 * simulator may run without that key, on a fixed development key (and says so at startup).
 */
@Component
class KeyVault {

    private static final Logger log = LoggerFactory.getLogger(KeyVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyVault(ZatcaProperties properties) {
        String configured = properties.keyEncryptionKey();
        byte[] raw;
        if (configured == null || configured.isBlank()) {
            if (!properties.simulator()) {
                throw new IllegalStateException("tenhal.zatca.key-encryption-key (TENHAL_ZATCA_KEY_ENCRYPTION_KEY) is"
                        + " required outside the simulator: base64 of 32 random bytes");
            }
            log.warn("ZATCA keys are encrypted with the development key: set TENHAL_ZATCA_KEY_ENCRYPTION_KEY");
            raw = Ubl.sha256("tenhal-zatca-simulator-development-key".getBytes(StandardCharsets.US_ASCII));
        } else {
            raw = Base64.getDecoder().decode(configured.strip());
            if (raw.length != 32) {
                throw new IllegalStateException("tenhal.zatca.key-encryption-key must be base64 of 32 bytes");
            }
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] seal(byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, 12 + sealed.length);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] open(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, 12));
            return cipher.doFinal(stored, 12, stored.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored key cannot be decrypted with this key-encryption key", e);
        }
    }

    byte[] sealText(String text) {
        return text == null ? null : seal(text.getBytes(StandardCharsets.UTF_8));
    }

    String openText(byte[] stored) {
        return stored == null ? null : new String(open(stored), StandardCharsets.UTF_8);
    }
}
