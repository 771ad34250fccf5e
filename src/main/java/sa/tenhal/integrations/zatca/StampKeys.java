package sa.tenhal.integrations.zatca;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The units' stamp keys, decrypted once per certificate and kept in memory (never logged, never shown). */
@Component
class StampKeys {

    private record Cached(String certificate, StampKey key) {}

    private final KeyVault vault;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    StampKeys(KeyVault vault) {
        this.vault = vault;
    }

    StampKey of(Unit unit) {
        Cached cached = cache.get(unit.id());
        if (cached != null && cached.certificate().equals(unit.certificate())) {
            return cached.key();
        }
        StampKey key = StampKey.of(Crypto.privateKey(vault.open(unit.privateKey())), unit.certificate());
        cache.put(unit.id(), new Cached(unit.certificate(), key));
        return key;
    }

    void forget(UUID unit) {
        cache.remove(unit);
    }

    static String certificateOfToken(String token) {
        return new String(Base64.getDecoder().decode(token), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
