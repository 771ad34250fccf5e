package sa.tenhal.integrations.zatca;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ZATCA's e-invoicing API (reference §A8), through the shared outbound client: headers {@code Accept-Version: V2},
 * {@code Accept-Language}, Basic authentication with a CSID's token and secret. Answers are returned whatever their
 * status; transport failures (timeouts, no connection) are thrown as they come, for the caller to retry.
 */
class ZatcaApi {

    /** A CSID: the {@code binarySecurityToken} as ZATCA returned it, and its secret. */
    record Credentials(String token, String secret) {

        /** The certificate inside the token: base64 of the DER, as {@code ds:X509Certificate} carries it. */
        String certificate() {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII);
        }
    }

    /** An answer: the HTTP status and the JSON body (an empty object when there was none). */
    record Answer(int status, JsonNode body) {}

    private final RestClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    ZatcaApi(RestClient client) {
        this.client = client;
    }

    Answer complianceCsid(String otp, String csrBase64) {
        return call("POST", "/compliance", null, Map.of("OTP", otp), Map.of("csr", csrBase64));
    }

    Answer complianceInvoice(Credentials compliance, String hash, String uuid, byte[] xml) {
        return call("POST", "/compliance/invoices", compliance, Map.of(), document(hash, uuid, xml));
    }

    Answer productionCsid(Credentials compliance, String requestId) {
        return call("POST", "/production/csids", compliance, Map.of(), Map.of("compliance_request_id", requestId));
    }

    Answer renewProductionCsid(Credentials production, String otp, String csrBase64) {
        return call("PATCH", "/production/csids", production, Map.of("OTP", otp), Map.of("csr", csrBase64));
    }

    Answer report(Credentials production, String hash, String uuid, byte[] xml) {
        return call(
                "POST",
                "/invoices/reporting/single",
                production,
                Map.of("Clearance-Status", "0"),
                document(hash, uuid, xml));
    }

    Answer clear(Credentials production, String hash, String uuid, byte[] xml) {
        return call(
                "POST",
                "/invoices/clearance/single",
                production,
                Map.of("Clearance-Status", "1"),
                document(hash, uuid, xml));
    }

    private static Map<String, String> document(String hash, String uuid, byte[] xml) {
        return Map.of(
                "invoiceHash",
                hash,
                "uuid",
                uuid,
                "invoice",
                Base64.getEncoder().encodeToString(xml));
    }

    private Answer call(String method, String path, Credentials credentials, Map<String, String> headers, Object body) {
        RestClient.RequestBodySpec request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Accept-Version", "V2")
                .header("Accept-Language", "en");
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((credentials.token() + ":" + credentials.secret())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        return request.body(body).exchange((req, response) -> {
            HttpStatusCode status = response.getStatusCode();
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode parsed;
            try {
                parsed = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (RuntimeException notJson) {
                parsed = json.createObjectNode().put("message", new String(bytes, StandardCharsets.UTF_8));
            }
            return new Answer(status.value(), parsed);
        });
    }
}
