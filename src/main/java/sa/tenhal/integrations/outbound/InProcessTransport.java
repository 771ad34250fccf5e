package sa.tenhal.integrations.outbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A partner's simulator as the HTTP client sees it: requests go through the same client, headers, status codes and
 * JSON as over the network, but are answered in-process by a {@link Handler} — no port, no socket. The partner's
 * simulator is "on the local machine, like the outbox"; switching to the real partner is configuration only.
 */
public final class InProcessTransport implements ClientHttpRequestFactory {

    /** Answers a request: the path below the base URL, a header lookup and the body; may throw a timeout. */
    @FunctionalInterface
    public interface Handler {
        Response handle(String method, String path, java.util.function.Function<String, String> header, byte[] body)
                throws IOException;
    }

    public record Response(int status, String body) {}

    private final String basePath;
    private final Handler handler;

    public InProcessTransport(String baseUrl, Handler handler) {
        this.basePath = URI.create(baseUrl).getPath();
        this.handler = handler;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new AbstractBufferingRequest(uri, method);
    }

    private final class AbstractBufferingRequest extends AbstractClientHttpRequest {
        private final URI uri;
        private final HttpMethod method;
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

        AbstractBufferingRequest(URI uri, HttpMethod method) {
            this.uri = uri;
            this.method = method;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return super.getAttributes();
        }

        @Override
        protected java.io.OutputStream getBodyInternal(HttpHeaders headers) {
            return body;
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers) throws IOException {
            String path =
                    uri.getPath().startsWith(basePath) ? uri.getPath().substring(basePath.length()) : uri.getPath();
            Response response = handler.handle(method.name(), path, headers::getFirst, body.toByteArray());
            return new InProcessResponse(response);
        }
    }

    private static final class InProcessResponse implements ClientHttpResponse {
        private final Response response;
        private final HttpHeaders headers = new HttpHeaders();

        InProcessResponse(Response response) {
            this.response = response;
            headers.setContentType(MediaType.APPLICATION_JSON);
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(response.status());
        }

        @Override
        public String getStatusText() {
            return Integer.toString(response.status());
        }

        @Override
        public void close() {}

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(
                    response.body() == null
                            ? new byte[0]
                            : response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
