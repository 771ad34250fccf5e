package sa.tenhal.integrations.outbound;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Outbound HTTP to the partners, written once for all of them: a {@link RestClient} with connect and read timeouts
 * (or a partner's in-process simulator), and the classification every integration applies to an answer — accepted,
 * rejected, not authorised, or worth retrying (429, 5xx, timeouts, no connection) — with exponential backoff.
 */
public final class Outbound {

    /** How a call ended, as far as retrying goes. */
    public enum Kind {
        /** 2xx: the partner took it (perhaps with warnings). */
        ACCEPTED,
        /** 4xx other than 401/403/408/429: the partner refused this message; sending it again changes nothing. */
        REJECTED,
        /** 401/403: the credentials are wrong or expired; an administrator must act. */
        UNAUTHORISED,
        /** 408, 429, 5xx, timeouts and connection failures: the same message is sent again later. */
        RETRY
    }

    private Outbound() {}

    public static RestClient client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return client(baseUrl, factory);
    }

    /** The same over a TLS session of the given context: a client certificate for partners that ask (mutual TLS). */
    public static RestClient client(
            String baseUrl, Duration connectTimeout, Duration readTimeout, javax.net.ssl.SSLContext tls) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .sslContext(tls)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        return client(baseUrl, factory);
    }

    public static RestClient client(String baseUrl, ClientHttpRequestFactory factory) {
        return RestClient.builder().baseUrl(baseUrl).requestFactory(factory).build();
    }

    public static Kind classify(int status) {
        if (status >= 200 && status < 300) {
            return Kind.ACCEPTED;
        }
        if (status == 401 || status == 403) {
            return Kind.UNAUTHORISED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Kind.RETRY;
        }
        return Kind.REJECTED;
    }

    /** A transport failure (timeout, refused connection): always worth retrying. */
    public static boolean transient_(Throwable e) {
        return e instanceof ResourceAccessException
                || e instanceof SocketTimeoutException
                || e instanceof HttpTimeoutException
                || e instanceof IOException;
    }

    /** The wait before attempt {@code attempt + 1}: {@code first} doubled per attempt, at most {@code max}. */
    public static Duration backoff(int attempt, Duration first, Duration max) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
