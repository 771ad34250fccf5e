package sa.tenhal.integrations.nphies;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import sa.tenhal.integrations.outbound.Bulkhead;

/**
 * Posts a message Bundle to NPHIES' {@code $process-message} (reference B2): {@code application/fhir+json}, over a
 * session authenticated by the centre's client certificate (mutual TLS, a PKCS#12 keystore named by the environment).
 * Answers are returned whatever their status; transport failures (timeouts, refused connections) are thrown as they
 * come, for the caller to retry the same message. At most {@code tenhal.nphies.max-concurrent-calls} calls are in
 * flight from this node at once ({@link Bulkhead}); one more fails as a call NPHIES did not answer.
 */
class NphiesTransport {

    /** The HTTP status and the body as received. */
    record Answer(int status, String body) {}

    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final RestClient client;
    private final String path;
    private final Bulkhead bulkhead;

    NphiesTransport(RestClient client, String path, Bulkhead bulkhead) {
        this.client = client;
        this.path = path;
        this.bulkhead = bulkhead;
    }

    Answer send(String bundleJson) {
        return bulkhead.call(() -> client.post()
                .uri(path)
                .contentType(FHIR_JSON)
                .accept(FHIR_JSON, MediaType.APPLICATION_JSON)
                .body(bundleJson.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> new Answer(
                        response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))));
    }

    /**
     * The TLS context that presents the centre's certificate: the keystore's key and chain as the client identity,
     * the JDK's trust store for NPHIES' server certificate (or {@code trustStore}, when given, e.g. in tests).
     */
    static SSLContext mutualTls(Path keystore, char[] password, KeyStore trustStore) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("NPHIES client certificate: cannot load " + keystore + ": " + e, e);
        }
    }
}
