package sa.tenhal.integrations.nphies;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * NPHIES settings ({@code tenhal.nphies.*}); switching from the simulator to NPHIES is configuration only.
 *
 * @param environment {@code simulator} (the in-process simulator: the embedded default and the tests), {@code test}
 *     (NPHIES' test environment) or {@code production}
 * @param endpoint the {@code $process-message} URL; empty for the environment's own
 * @param keystore path of the PKCS#12 keystore holding the centre's NPHIES client certificate (mutual TLS); from
 *     {@code TENHAL_NPHIES_KEYSTORE}
 * @param keystorePassword its password; from {@code TENHAL_NPHIES_KEYSTORE_PASSWORD}
 * @param connectTimeout connect timeout of a call to NPHIES
 * @param readTimeout read timeout of a call (NPHIES keeps a session at most 60 s)
 * @param maxConcurrentCalls calls to NPHIES in flight from this node at once; one more fails at once, as a call NPHIES
 *     did not answer (retried). Each call holds a database connection while it waits for its answer, so keep this well
 *     under the pool ({@code TENHAL_DB_POOL_SIZE})
 * @param firstRetry the first retry after a 5xx, a timeout or a malformed answer; doubled per attempt up to
 *     {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param providerLicence the centre's NPHIES provider licence when the centre has none of its own (admin page)
 * @param locationLicence the centre's facility (location) licence
 * @param baseUrl the base URL the centre's resources are named under in messages
 * @param defaultPracticeCode the NPHIES practice code of a practitioner whose discipline has none below
 * @param practiceCodes practice code per clinic discipline (e.g. {@code SPEECH_LANGUAGE: "26.00"})
 * @param eligibilityDaysAhead how many days ahead the day-before check looks (1: tomorrow)
 * @param provisionalDiagnoses the ICD-10-AM code a prior authorisation names, per clinic discipline, for a patient
 *     with no coded diagnosis yet (a first assessment); none: such a request is not sent and reception is told why
 */
@ConfigurationProperties("tenhal.nphies")
record NphiesProperties(
        String environment,
        String endpoint,
        String keystore,
        String keystorePassword,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxConcurrentCalls,
        Duration firstRetry,
        Duration maxRetryDelay,
        String providerLicence,
        String locationLicence,
        String baseUrl,
        String defaultPracticeCode,
        Map<String, String> practiceCodes,
        Integer eligibilityDaysAhead,
        Map<String, String> provisionalDiagnoses) {

    NphiesProperties {
        environment = environment == null || environment.isBlank()
                ? "simulator"
                : environment.strip().toLowerCase();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(55) : readTimeout;
        maxConcurrentCalls = maxConcurrentCalls == null ? 8 : maxConcurrentCalls;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        providerLicence = providerLicence == null || providerLicence.isBlank() ? "N-F-00001" : providerLicence;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://tenhal.sa" : baseUrl;
        defaultPracticeCode = defaultPracticeCode == null ? "08.00" : defaultPracticeCode;
        practiceCodes = practiceCodes == null ? Map.of() : practiceCodes;
        eligibilityDaysAhead = eligibilityDaysAhead == null ? 1 : eligibilityDaysAhead;
        provisionalDiagnoses = provisionalDiagnoses == null ? Map.of() : provisionalDiagnoses;
    }

    boolean simulator() {
        return "simulator".equals(environment);
    }

    /** The {@code $process-message} endpoint of the environment (reference B2). */
    String processMessage() {
        if (endpoint != null && !endpoint.isBlank()) {
            return endpoint;
        }
        return switch (environment) {
            case "simulator" -> "http://nphies-simulator.local/$process-message";
            case "test" -> "http://176.105.150.83/$process-message";
            case "production" -> "https://HSB.nphies.sa/$process-message";
            default -> throw new IllegalStateException("tenhal.nphies.environment: unknown " + environment);
        };
    }

    String practiceCode(String discipline) {
        return practiceCodes.getOrDefault(discipline, defaultPracticeCode);
    }
}
