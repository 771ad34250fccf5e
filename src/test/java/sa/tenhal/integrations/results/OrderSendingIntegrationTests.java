package sa.tenhal.integrations.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientIdentification;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.VisitFixture;
import sa.tenhal.visits.VisitRecords;

/**
 * Orders out: an ORM^O01 over MLLP waits for the lab's ACK (AA: sent; AR: rejected with the reason; no answer or AE:
 * retried as the same message), or a FHIR ServiceRequest created once however often it is sent.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSendingIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Submissions submissions;

    @Autowired
    VisitRecords visits;

    @Autowired
    PatientIdentification identification;

    @Autowired
    ClinicTime time;

    @Autowired
    Jobs jobs;

    @Autowired
    PlatformTransactionManager transactions;

    VisitFixture fixture;
    StubLab lab;
    FhirResultsServer fhir;

    @BeforeAll
    void aClinicAndALab() throws IOException {
        fixture = VisitFixture.in(context);
        lab = new StubLab();
        fhir = new FhirResultsServer(0);
    }

    @AfterAll
    void stop() throws IOException {
        lab.close();
        fhir.close();
    }

    OrderSending sending(String protocol) {
        var destination =
                new ResultsProperties.Destination(protocol, "127.0.0.1", lab.port(), fhir.baseUrl(), "LIS", "ALBORG");
        var properties = new ResultsProperties(
                null,
                new ResultsProperties.Orders(
                        destination, destination, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(5)),
                List.of(),
                null);
        return new OrderSending(
                submissions,
                visits,
                identification,
                properties,
                time,
                jobs,
                transactions,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(TestLab.class));
    }

    @Test
    void anOrmWaitsForTheAckAndTheOrderIsSent() {
        lab.answer = m -> ack(m, "AA");
        PatientDetails child = fixture.child();
        UUID order = order(child, "718-7", "Haemoglobin");

        sending("mllp").placed(order, OrderKind.LAB);

        assertThat(status(order)).isEqualTo("SENT");
        String orm = lab.received.get(lab.received.size() - 1);
        assertThat(orm).startsWith("MSH|^~\\&|TENHAL|TENHAL|LIS|ALBORG|").contains("|ORM^O01");
        assertThat(orm).contains("ORC|NW|" + order).contains("OBR|1|" + order + "||718-7^Haemoglobin^LN");
        assertThat(orm).contains("PID|1||" + child.mrn() + "^^^TENHAL^MR").contains("|20190615|F");
        assertThat(submissions.find(OrderSending.PARTNER, order).orElseThrow().state())
                .isEqualTo(Submissions.State.ACCEPTED);
    }

    @Test
    void noAnswerOrAnErrorIsRetriedAsTheSameMessageAndARejectionIsKept() throws IOException {
        PatientDetails child = fixture.child();
        UUID order = order(child, "2345-7", "Glucose");
        lab.answer = m -> ack(m, "AE");
        OrderSending sending = sending("mllp");
        sending.placed(order, OrderKind.LAB);
        assertThat(status(order)).isEqualTo("ORDERED");
        var first = submissions.find(OrderSending.PARTNER, order).orElseThrow();
        assertThat(first.state()).isEqualTo(Submissions.State.RETRYING);
        assertThat(jobs.scheduledAt(OrderSending.RETRY, order.toString())).isPresent();
        String firstMessage = lab.received.get(lab.received.size() - 1);
        // the event delivered again (its publication resubmitted): the order waits for its retry, the lab is not called
        int calls = lab.received.size();
        sending.placed(order, OrderKind.LAB);
        assertThat(lab.received).hasSize(calls);
        assertThat(submissions.find(OrderSending.PARTNER, order).orElseThrow().attempts())
                .isEqualTo(first.attempts());

        lab.answer = m -> ack(m, "AA");
        clock.set(first.nextAttemptAt().plusSeconds(1));
        try {
            assertThat(sending.sweep()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.reset();
        }
        assertThat(status(order)).isEqualTo("SENT");
        assertThat(lab.received.get(lab.received.size() - 1)).isEqualTo(firstMessage);

        UUID refused = order(child, "2823-3", "Potassium");
        lab.answer = m -> ack(m, "AR");
        sending.placed(refused, OrderKind.LAB);
        var rejected = submissions.find(OrderSending.PARTNER, refused).orElseThrow();
        assertThat(rejected.state()).isEqualTo(Submissions.State.REJECTED);
        assertThat(rejected.lastError()).contains("unknown test");
        assertThat(status(refused)).isEqualTo("ORDERED");

        // the lab down: retried
        UUID unanswered = order(child, "6690-2", "WBC");
        int port = lab.port();
        lab.close();
        try {
            sending.placed(unanswered, OrderKind.LAB);
            assertThat(submissions
                            .find(OrderSending.PARTNER, unanswered)
                            .orElseThrow()
                            .state())
                    .isEqualTo(Submissions.State.RETRYING);
        } finally {
            lab = new StubLab(port);
        }
    }

    @Test
    void aServiceRequestIsCreatedOnceHoweverOftenItIsSent() {
        PatientDetails child = fixture.child();
        UUID order = order(child, "718-7", "Haemoglobin");
        OrderSending sending = sending("fhir");
        int before = fhir.serviceRequests();
        sending.placed(order, OrderKind.LAB);
        assertThat(status(order)).isEqualTo("SENT");
        assertThat(fhir.serviceRequests()).isEqualTo(before + 1);
    }

    // --- helpers

    static String ack(String message, String code) {
        Hl7Header h = Hl7Header.of(message);
        return "MSH|^~\\&|LIS|ALBORG|TENHAL|TENHAL|20261205||ACK^O01^ACK|A1|P|2.5\rMSA|" + code + "|" + h.controlId()
                + ("AR".equals(code) ? "|unknown test" : "") + "\r";
    }

    String status(UUID order) {
        return jdbc.sql("select status from visit_order where id = :o")
                .param("o", order)
                .query(String.class)
                .single();
    }

    UUID order(PatientDetails child, String code, String display) {
        UUID visit = fixture.visitOf(fixture.started(child));
        var placed = mvc.post()
                .uri("/api/v1/visits/" + visit + "/orders")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        fixture.centre.speechTherapist().bearer())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"LAB\", \"code\": \"" + code + "\", \"display\": \"" + display + "\"}")
                .exchange();
        assertThat(placed).hasStatus(201);
        return UUID.fromString(Bodies.read(placed, "$.id"));
    }

    /** A lab's MLLP endpoint that answers every order as told. */
    static final class StubLab implements AutoCloseable {
        final ServerSocket server;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile Function<String, String> answer = m -> ack(m, "AA");

        StubLab() throws IOException {
            this(0);
        }

        StubLab(int port) throws IOException {
            server = new ServerSocket(port, 10, java.net.InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "stub-lab");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** The connection being served: closed with the lab, so that a client's open connection cannot outlive it. */
        volatile Socket current;

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    current = s;
                    String m;
                    while ((m = Mllp.read(s.getInputStream(), 1 << 20)) != null) {
                        received.add(m);
                        Mllp.write(s.getOutputStream(), answer.apply(m));
                    }
                } catch (IOException e) {
                    // next connection
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            Socket open = current;
            if (open != null) {
                open.close();
            }
        }
    }
}
