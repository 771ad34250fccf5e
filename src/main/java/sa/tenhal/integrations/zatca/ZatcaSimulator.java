package sa.tenhal.integrations.zatca;

import java.math.BigInteger;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ZATCA's e-invoicing APIs on the local machine, for the embedded default and the tests (reference §A8 request and
 * response shapes): compliance CSID (with an OTP), compliance invoices, production CSID (and its renewal), reporting
 * and clearance. It issues certificates from its own CA (a fixed secp256k1 key, so every node's simulator agrees),
 * and checks what it is sent as far as it can tell: the hash against the body and the embedded digest, the signature
 * against the embedded certificate and that this certificate is the caller's CSID, QR tag 6, the KSA rules
 * ({@link KsaRules}), and the chain (a document's PIH is the hash of the same unit's document with the previous ICV,
 * when it has seen that one; one ICV never names two documents). Tests make it fail: a status for the next calls, an
 * outage, timeouts, a rejection.
 */
public class ZatcaSimulator {

    /** What the simulator was sent and what it answered, for the tests and the benchmark. */
    public record Received(String operation, String uuid, String icv, String hash, int status) {}

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {}

    // in DER order (most general first), so that it reads "CN=…, DC=simulator, DC=tenhal, DC=local" like ZATCA's CA
    private static final String CA_NAME = "DC=local,DC=tenhal,DC=simulator,CN=TENHAL-ZATCA-SIMULATOR-CA";
    private static final byte[] SECRET_KEY = "tenhal-zatca-simulator-secrets".getBytes(StandardCharsets.US_ASCII);

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final PrivateKey caKey;
    private final PublicKey caPublic;
    private final X509Certificate caCertificate;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, ConcurrentSkipListMap<Long, String[]>> chains = new ConcurrentHashMap<>();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failCount = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(503);
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicReference<String[]> rejection = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> requestIds = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger(1000);

    public ZatcaSimulator(Clock clock) {
        this.clock = clock;
        try {
            ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("secp256k1");
            BigInteger d =
                    new BigInteger(1, Ubl.sha256("tenhal zatca simulator CA".getBytes(StandardCharsets.US_ASCII)));
            KeyFactory factory = KeyFactory.getInstance("EC", Crypto.BC);
            this.caKey = factory.generatePrivate(new ECPrivateKeySpec(d, curve));
            this.caPublic = factory.generatePublic(
                    new ECPublicKeySpec(curve.getG().multiply(d).normalize(), curve));
            this.caCertificate = issue(
                    new X500Name(CA_NAME),
                    caPublic,
                    BigInteger.ONE,
                    Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("2044-01-01T00:00:00Z"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what tests do to it

    /** The next {@code count} calls are answered with {@code status} (429, 500, 503, 401 …). */
    public void failNext(int count, int status) {
        failStatus.set(status);
        failCount.set(count);
    }

    /** The next {@code count} calls time out. */
    public void timeoutNext(int count) {
        timeouts.set(count);
    }

    /** An outage: every call is a 503 until {@code down(false)}. */
    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** The next document is rejected with this rule id and message. */
    public void rejectNext(String code, String message) {
        rejection.set(new String[] {code, message});
    }

    /**
     * ZATCA slow to answer: calls wait, on their callers' threads, until {@link #release()} — at most five minutes, far
     * beyond what a test waits for anything else, so that a held call never times out in the middle of a test.
     */
    public void hold() {
        held.compareAndSet(null, new CountDownLatch(1));
    }

    public void release() {
        CountDownLatch hold = held.getAndSet(null);
        if (hold != null) {
            hold.countDown();
        }
    }

    /** The names of the threads whose calls are held now. */
    public Set<String> waitingThreads() {
        return Set.copyOf(waiting);
    }

    public void reset() {
        release();
        failCount.set(0);
        timeouts.set(0);
        down.set(false);
        rejection.set(null);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    // ---- the API

    /**
     * Answers one call. {@code path} is relative to the API base (e.g. {@code /invoices/reporting/single});
     * {@code header} looks a request header up by name.
     */
    public Answer handle(String method, String path, java.util.function.Function<String, String> header, byte[] body)
            throws SocketTimeoutException {
        CountDownLatch hold = held.get();
        if (hold != null) {
            awaitRelease(hold);
        }
        if (timeouts.get() > 0 && timeouts.getAndDecrement() > 0) {
            throw new SocketTimeoutException("ZATCA simulator: read timed out");
        }
        if (down.get()) {
            return new Answer(503, "{\"message\":\"Service Unavailable\"}");
        }
        if (failCount.get() > 0 && failCount.getAndDecrement() > 0) {
            return new Answer(failStatus.get(), "{\"message\":\"simulated failure " + failStatus.get() + "\"}");
        }
        if (!"V2".equals(header.apply("Accept-Version"))) {
            return new Answer(406, "{\"message\":\"This Version is not supported or not provided in the header.\"}");
        }
        JsonNode request;
        try {
            request = json.readTree(body == null || body.length == 0 ? "{}".getBytes() : body);
        } catch (RuntimeException e) {
            return new Answer(400, "{\"message\":\"Invalid Request\"}");
        }
        return switch (method + " " + path) {
            case "POST /compliance" -> complianceCsid(header, request);
            case "POST /production/csids" -> productionCsid(header, request);
            case "PATCH /production/csids" -> renew(header, request);
            case "POST /compliance/invoices" -> document("compliance", header, request);
            case "POST /invoices/reporting/single" -> document("reporting", header, request);
            case "POST /invoices/clearance/single" -> document("clearance", header, request);
            default -> new Answer(404, "{\"message\":\"Not Found\"}");
        };
    }

    private Answer complianceCsid(java.util.function.Function<String, String> header, JsonNode request) {
        String otp = header.apply("OTP");
        if (otp == null || !otp.matches("[0-9]{6}") || otp.equals("000000")) {
            return new Answer(400, errors("Invalid-OTP", "The provided OTP is invalid"));
        }
        return issueFor("compliance", text(request, "csr"), null);
    }

    private Answer productionCsid(java.util.function.Function<String, String> header, JsonNode request) {
        X509Certificate caller = authenticated(header, "compliance");
        if (caller == null) {
            return new Answer(401, "");
        }
        String id = text(request, "compliance_request_id");
        if (id == null || !requestIds.containsKey(id)) {
            return new Answer(400, errors("Invalid-Request-ID", "compliance_request_id is not a compliance request"));
        }
        return issueFor("production", null, caller);
    }

    private Answer renew(java.util.function.Function<String, String> header, JsonNode request) {
        X509Certificate caller = authenticated(header, "production");
        if (caller == null) {
            return new Answer(401, "");
        }
        String otp = header.apply("OTP");
        if (otp == null || !otp.matches("[0-9]{6}")) {
            return new Answer(400, errors("Invalid-OTP", "The provided OTP is invalid"));
        }
        return issueFor("production", text(request, "csr"), null);
    }

    private Answer issueFor(String kind, String csr, X509Certificate from) {
        try {
            X500Name subject;
            PublicKey key;
            if (csr != null) {
                PKCS10CertificationRequest request = Csr.parse(csr);
                if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder()
                        .setProvider(Crypto.BC)
                        .build(request.getSubjectPublicKeyInfo()))) {
                    return new Answer(400, errors("Invalid-CSR", "the CSR's signature does not verify"));
                }
                subject = request.getSubject();
                key = new JcaPKCS10CertificationRequest(request)
                        .setProvider(Crypto.BC)
                        .getPublicKey();
            } else {
                subject = X500Name.getInstance(from.getSubjectX500Principal().getEncoded());
                key = from.getPublicKey();
            }
            Instant now = clock.instant();
            X509Certificate certificate = issue(
                    subject,
                    key,
                    new BigInteger(128, random),
                    now.minus(Duration.ofMinutes(1)),
                    now.plus("compliance".equals(kind) ? Duration.ofDays(365) : Duration.ofDays(5 * 365)));
            String base64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
            String token = Base64.getEncoder().encodeToString(base64.getBytes(StandardCharsets.US_ASCII));
            long requestId = sequence.incrementAndGet() + 1_234_567_000L;
            requestIds.put(Long.toString(requestId), requestId);
            ObjectNode answer = json.createObjectNode();
            answer.put("requestID", requestId);
            answer.put("dispositionMessage", "ISSUED");
            answer.put("binarySecurityToken", token);
            answer.put("secret", secret(kind, token));
            answer.putNull("errors");
            return new Answer(200, json.writeValueAsString(answer));
        } catch (IllegalArgumentException e) {
            return new Answer(400, errors("Invalid-CSR", e.getMessage()));
        } catch (Exception e) {
            return new Answer(500, errors("Internal", e.getMessage()));
        }
    }

    private Answer document(String operation, java.util.function.Function<String, String> header, JsonNode request) {
        X509Certificate caller = authenticated(header, "compliance".equals(operation) ? "compliance" : "production");
        if (caller == null) {
            return new Answer(401, "");
        }
        String uuid = text(request, "uuid");
        String bodyHash = text(request, "invoiceHash");
        String invoice = text(request, "invoice");
        List<String[]> errors = new ArrayList<>();
        List<String[]> warnings = new ArrayList<>();
        Document document = null;
        byte[] xml = null;
        try {
            xml = Base64.getDecoder().decode(invoice == null ? "" : invoice);
            document = Ubl.parse(xml);
        } catch (IllegalArgumentException | Ubl.NotUbl e) {
            errors.add(new String[] {
                "XSD_ZATCA_INVALID", "XSD_SCHEMA_ERROR", "the invoice is not a UBL document: " + e.getMessage()
            });
        }
        String icv = null;
        String computed = null;
        boolean simplified = false;
        if (document != null) {
            Inspection inspection = Inspector.inspect(document);
            computed = inspection.computedHash();
            icv = inspection.icv();
            simplified = inspection.transactionCode() != null
                    && inspection.transactionCode().startsWith("02");
            if (!computed.equals(bodyHash)) {
                errors.add(new String[] {
                    "invalid-invoice-hash",
                    "INVOICE_HASHING_ERRORS",
                    "The invoice hash API body does not match the (calculated) Hash of the XML"
                });
            }
            if (!inspection.hashMatches()) {
                errors.add(new String[] {
                    "signed-info-digest", "INVOICE_HASHING_ERRORS", "the embedded digest is not the document's hash"
                });
            }
            if (uuid == null || !uuid.equals(inspection.uuid())) {
                errors.add(
                        new String[] {"invalid-uuid", "INVOICE_ERRORS", "the uuid of the body is not the document's"});
            }
            if (!inspection.signatureValid()) {
                errors.add(new String[] {"signature", "SIGNATURE_ERRORS", "the signature does not verify"});
            }
            if (inspection.certificate() == null
                    || !caller.getSerialNumber()
                            .toString()
                            .equals(inspection.certificate().serialNumber())) {
                errors.add(new String[] {
                    "certificate", "SIGNATURE_ERRORS", "the document is not signed with the caller's CSID"
                });
            }
            inspection.qr().stream()
                    .filter(t -> t.tag() == 6 && !Boolean.TRUE.equals(t.matches()))
                    .findFirst()
                    .ifPresent(t -> errors.add(new String[] {
                        "invoiceHash_QRCODE_INVALID", "QRCODE_ERRORS", "the QR code's hash is not the document's"
                    }));
            for (KsaRules.Violation violation : KsaRules.check(document)) {
                (violation.level() == KsaRules.Level.ERROR ? errors : warnings)
                        .add(new String[] {violation.code(), "KSA", violation.message()});
            }
            if (!"compliance".equals(operation)) {
                if ("reporting".equals(operation) && !simplified) {
                    errors.add(new String[] {
                        "invoice-type", "INVOICE_ERRORS", "a standard document is cleared, not reported"
                    });
                }
                if ("clearance".equals(operation) && simplified) {
                    errors.add(new String[] {
                        "invoice-type", "INVOICE_ERRORS", "a simplified document is reported, not cleared"
                    });
                }
                String previous = accepted.get(uuid == null ? "" : uuid);
                if (previous != null && previous.equals(computed) && errors.isEmpty()) {
                    received.add(new Received(operation, uuid, icv, computed, 409));
                    return new Answer(
                            409,
                            errorsBody(
                                    operation,
                                    List.<String[]>of(new String[] {
                                        "Invoice-Errors",
                                        "INVOICE_ERRORS",
                                        "Invoice was already Reported successfully earlier."
                                    }),
                                    List.of(),
                                    false,
                                    null));
                }
                chainCheck(caller, icv, inspection.pih(), computed, uuid, errors);
            }
        }
        String[] reject = rejection.getAndSet(null);
        if (reject != null) {
            errors.add(new String[] {reject[0], "KSA", reject[1]});
        }
        boolean ok = errors.isEmpty();
        int status = ok ? (warnings.isEmpty() ? 200 : 202) : 400;
        String cleared = null;
        if (ok && "clearance".equals(operation)) {
            cleared = Base64.getEncoder().encodeToString(clear(xml, document, caller));
        }
        if (ok && !"compliance".equals(operation)) {
            accepted.put(uuid, computed);
            chains.computeIfAbsent(unitOf(caller), k -> new ConcurrentSkipListMap<>())
                    .put(Long.parseLong(icv.strip()), new String[] {uuid, computed});
        }
        received.add(new Received(operation, uuid, icv, computed, status));
        return new Answer(status, errorsBody(operation, errors, warnings, simplified, cleared));
    }

    private void awaitRelease(CountDownLatch hold) throws SocketTimeoutException {
        String thread = Thread.currentThread().getName();
        waiting.add(thread);
        try {
            if (!hold.await(5, TimeUnit.MINUTES)) {
                throw new SocketTimeoutException("ZATCA simulator: held for five minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketTimeoutException("ZATCA simulator: interrupted while held");
        } finally {
            waiting.remove(thread);
        }
    }

    /** The chain as far as the simulator has seen it: no ICV for two documents, each PIH the previous hash. */
    private void chainCheck(
            X509Certificate caller, String icv, String pih, String hash, String uuid, List<String[]> errors) {
        if (icv == null || !icv.strip().matches("[0-9]+")) {
            return;
        }
        long counter = Long.parseLong(icv.strip());
        var chain = chains.computeIfAbsent(unitOf(caller), k -> new ConcurrentSkipListMap<>());
        String[] same = chain.get(counter);
        if (same != null && !same[0].equals(uuid)) {
            errors.add(
                    new String[] {"BR-KSA-33", "KSA", "ICV " + counter + " was already used by document " + same[0]});
        }
        String[] before = chain.get(counter - 1);
        if (before != null && !before[1].equals(pih)) {
            errors.add(new String[] {
                "BR-KSA-26", "KSA", "the PIH is not the hash of the document with ICV " + (counter - 1)
            });
        }
        String[] after = chain.get(counter + 1);
        if (after != null && pih != null && !hash.equals(chainPihOf(after))) {
            // the next document was accepted with a PIH we can only compare when we keep it; nothing more to say
        }
    }

    private static String chainPihOf(String[] entry) {
        return entry[1];
    }

    private String unitOf(X509Certificate caller) {
        return Base64.getEncoder().encodeToString(caller.getPublicKey().getEncoded());
    }

    /** ZATCA's cleared document: the same document with ZATCA's QR (tags 1–8 and the CA's stamp as tag 9). */
    private byte[] clear(byte[] xml, Document document, X509Certificate caller) {
        String text = new String(xml, StandardCharsets.UTF_8);
        var qrElement = Ubl.additionalReference(document, "QR");
        String qr = Ubl.pathText(qrElement, Ubl.CAC, "Attachment", Ubl.CBC, "EmbeddedDocumentBinaryObject")
                .strip();
        Map<Integer, byte[]> tags = new LinkedHashMap<>(Qr.decode(qr));
        tags.put(9, caller.getSignature());
        String clearedQr = Qr.encode(tags);
        return text.replace(qr, clearedQr).getBytes(StandardCharsets.UTF_8);
    }

    private String errorsBody(
            String operation, List<String[]> errors, List<String[]> warnings, boolean simplified, String cleared) {
        ObjectNode answer = json.createObjectNode();
        ObjectNode results = answer.putObject("validationResults");
        var info = results.putArray("infoMessages");
        ObjectNode passed = info.addObject();
        passed.put("type", "INFO");
        passed.put("code", "XSD_ZATCA_VALID");
        passed.put("category", "XSD validation");
        passed.put("message", "Complied with UBL 2.1 standards in line with ZATCA specifications");
        passed.put("status", "PASS");
        var warningArray = results.putArray("warningMessages");
        for (String[] w : warnings) {
            message(warningArray.addObject(), "WARNING", w);
        }
        var errorArray = results.putArray("errorMessages");
        for (String[] e : errors) {
            message(errorArray.addObject(), "ERROR", e);
        }
        results.put("status", errors.isEmpty() ? (warnings.isEmpty() ? "PASS" : "WARNING") : "ERROR");
        boolean ok = errors.isEmpty();
        switch (operation) {
            case "reporting" -> answer.put("reportingStatus", ok ? "REPORTED" : "NOT_REPORTED");
            case "clearance" -> {
                answer.put("clearanceStatus", ok ? "CLEARED" : "NOT_CLEARED");
                if (cleared != null) {
                    answer.put("clearedInvoice", cleared);
                } else {
                    answer.putNull("clearedInvoice");
                }
            }
            default -> {
                answer.put(
                        simplified ? "reportingStatus" : "clearanceStatus",
                        ok ? (simplified ? "REPORTED" : "CLEARED") : (simplified ? "NOT_REPORTED" : "NOT_CLEARED"));
            }
        }
        return json.writeValueAsString(answer);
    }

    private static void message(ObjectNode node, String type, String[] m) {
        node.put("type", type);
        node.put("code", m[0]);
        node.put("category", m[1]);
        node.put("message", m[2]);
        node.put("status", type);
    }

    private String errors(String code, String message) {
        ObjectNode answer = json.createObjectNode();
        answer.putNull("requestID");
        answer.put("dispositionMessage", "NOT_COMPLIANT");
        var list = answer.putArray("errors");
        ObjectNode error = list.addObject();
        error.put("code", code);
        error.put("message", message);
        return json.writeValueAsString(answer);
    }

    /** The caller's CSID when the Basic credentials are a token this simulator issued with its secret. */
    private X509Certificate authenticated(java.util.function.Function<String, String> header, String kind) {
        String authorization = header.apply("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String token = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        if (!secret.equals(secret(kind, token))) {
            return null;
        }
        try {
            String base64 = new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII);
            X509Certificate certificate = Crypto.certificate(base64);
            certificate.verify(caPublic, Crypto.BC);
            if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
                return null;
            }
            return certificate;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static String secret(String kind, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET_KEY, "HmacSHA256"));
            byte[] out = mac.doFinal((kind + ":" + token).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(out, 24));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate issue(X500Name subject, PublicKey key, BigInteger serial, Instant from, Instant to) {
        try {
            var builder = new X509v3CertificateBuilder(
                    new X500Name(CA_NAME),
                    serial,
                    Date.from(from),
                    Date.from(to),
                    subject,
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(Crypto.BC)
                    .build(caKey);
            return new JcaX509CertificateConverter().setProvider(Crypto.BC).getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("the simulator could not issue a certificate", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A key pair for tests that need a unit's key outside onboarding. */
    static KeyPair keyPair() {
        return Csr.newKeyPair();
    }
}
