package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.ResourceAccessException;
import sa.tenhal.integrations.outbound.Bulkhead;
import sa.tenhal.integrations.outbound.Outbound;

/**
 * The transport over mutual TLS, against a local HTTPS server on a free port that demands a client certificate: with
 * the centre's PKCS#12 keystore the message is posted as {@code application/fhir+json} and the answer returned; without
 * it the TLS session is refused (a transport failure, which the sender retries); a call beyond the bulkhead's places
 * fails the same way without reaching NPHIES.
 */
class NphiesTransportTests {

    @TempDir
    Path dir;

    HttpsServer server;
    ExecutorService exchanges;
    KeyStore trust;
    Path clientKeystore;
    final AtomicReference<String> received = new AtomicReference<>();
    final AtomicReference<String> clientSubject = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        KeyPair caKeys = keys();
        X509Certificate ca = certificate("CN=Test NPHIES PKI", caKeys, "CN=Test NPHIES PKI", caKeys, true);
        KeyPair serverKeys = keys();
        X509Certificate serverCert = certificate("CN=localhost", serverKeys, "CN=Test NPHIES PKI", caKeys, false);
        KeyPair clientKeys = keys();
        X509Certificate clientCert = certificate("CN=N-F-00001", clientKeys, "CN=Test NPHIES PKI", caKeys, false);

        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);

        char[] password = "changeit".toCharArray();
        KeyStore client = KeyStore.getInstance("PKCS12");
        client.load(null, null);
        client.setKeyEntry("centre", clientKeys.getPrivate(), password, new X509Certificate[] {clientCert, ca});
        clientKeystore = dir.resolve("centre.p12");
        try (var out = Files.newOutputStream(clientKeystore)) {
            client.store(out, password);
        }

        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("server", serverKeys.getPrivate(), password, new X509Certificate[] {serverCert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverStore, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                var parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            SSLSession session = ((com.sun.net.httpserver.HttpsExchange) exchange).getSSLSession();
            clientSubject.set(((X509Certificate) session.getPeerCertificates()[0])
                    .getSubjectX500Principal()
                    .getName());
            received.set(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // a thread per exchange: one test holds an answer back while another call is made
        exchanges = Executors.newCachedThreadPool();
        server.setExecutor(exchanges);
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        exchanges.shutdownNow();
    }

    String base() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    @Test
    void theCentresCertificateOpensTheSession() {
        SSLContext tls = NphiesTransport.mutualTls(clientKeystore, "changeit".toCharArray(), trust);
        NphiesTransport transport = new NphiesTransport(
                Outbound.client(base(), Duration.ofSeconds(5), Duration.ofSeconds(10), tls),
                "/$process-message",
                new Bulkhead("NPHIES", 8));

        NphiesTransport.Answer answer = transport.send("{\"resourceType\":\"Bundle\",\"id\":\"m-1\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Bundle");
        assertThat(received.get())
                .isEqualTo("POST /$process-message application/fhir+json {\"resourceType\":\"Bundle\",\"id\":\"m-1\"}");
        assertThat(clientSubject.get()).isEqualTo("CN=N-F-00001");
    }

    @Test
    void withoutAClientCertificateTheSessionIsRefused() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, tmf.getTrustManagers(), null);
        NphiesTransport transport = new NphiesTransport(
                Outbound.client(base(), Duration.ofSeconds(5), Duration.ofSeconds(10), noCertificate),
                "/$process-message",
                new Bulkhead("NPHIES", 8));

        assertThatThrownBy(() -> transport.send("{}"))
                .satisfies(e -> assertThat(Outbound.transient_(e)).isTrue());
    }

    /**
     * A hanging NPHIES holds a call's thread and its database connection for up to the read timeout: beyond the
     * bulkhead's places a call fails at once, as a call NPHIES did not answer (retried), and never reaches NPHIES.
     */
    @Test
    void aCallBeyondTheBulkheadFailsAsUnansweredWithoutReachingNphies() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger arrived = new AtomicInteger();
        server.createContext("/slow", exchange -> {
            arrived.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                answer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        SSLContext tls = NphiesTransport.mutualTls(clientKeystore, "changeit".toCharArray(), trust);
        NphiesTransport transport = new NphiesTransport(
                Outbound.client(base(), Duration.ofSeconds(5), Duration.ofSeconds(60), tls),
                "/slow",
                new Bulkhead("NPHIES", 1));

        CompletableFuture<NphiesTransport.Answer> first = CompletableFuture.supplyAsync(() -> transport.send("{}"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(arrived).hasValue(1));

        assertThatThrownBy(() -> transport.send("{}"))
                .isInstanceOf(ResourceAccessException.class)
                .hasMessageContaining("NPHIES")
                .satisfies(e -> assertThat(Outbound.transient_(e)).isTrue());
        assertThat(arrived).hasValue(1);

        answer.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        // the place is free again
        assertThat(transport.send("{}").status()).isEqualTo(200);
        assertThat(arrived).hasValue(2);
    }

    @Test
    void aKeystoreThatCannotBeReadIsSaidSo() {
        assertThatThrownBy(() -> NphiesTransport.mutualTls(dir.resolve("missing.p12"), new char[0], trust))
                .hasMessageContaining("NPHIES client certificate");
    }

    static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    static X509Certificate certificate(String subject, KeyPair keys, String issuer, KeyPair issuerKeys, boolean ca)
            throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))),
                new X500Name(subject),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        }
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
