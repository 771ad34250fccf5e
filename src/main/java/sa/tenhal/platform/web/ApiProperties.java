package sa.tenhal.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest JSON request body the API reads (413 beyond it)
 * @param idempotencyRetention how long a completed request is remembered under its {@code Idempotency-Key}
 * @param idempotencyAbandonAfter when a request that never finished (a node died) stops blocking its key
 */
@ConfigurationProperties("tenhal.api")
record ApiProperties(DataSize maxBodySize, Duration idempotencyRetention, Duration idempotencyAbandonAfter) {

    ApiProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (idempotencyRetention == null) {
            idempotencyRetention = Duration.ofHours(24);
        }
        if (idempotencyAbandonAfter == null) {
            idempotencyAbandonAfter = Duration.ofMinutes(5);
        }
    }
}
