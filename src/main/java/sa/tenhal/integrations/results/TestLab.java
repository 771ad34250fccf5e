package sa.tenhal.integrations.results;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import sa.tenhal.visits.OrderKind;

/**
 * The demo's test lab (embedded default only, docs/results.md): laboratory orders come to it over MLLP as
 * {@code ORM^O01} and it answers each, a little later, with an {@code ORU^R01} through Tenhal's own MLLP listener;
 * imaging orders come as FHIR {@code ServiceRequest}s to its FHIR server, where a radiology report appears a little
 * later for the radiology sync (which it then runs at once, rather than leave the newcomer waiting 30 minutes).
 */
public class TestLab implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TestLab.class);
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    /** What the test lab answers for a few common tests: name, value, unit, range, flag. */
    private static final Map<String, String[]> ANSWERS = Map.of(
            "718-7", new String[] {"Hemoglobin", "9.1", "g/dL", "11.5-15.5", "L"},
            "2823-3", new String[] {"Potassium", "6.9", "mmol/L", "3.5-5.1", "HH"},
            "2345-7", new String[] {"Glucose", "5.4", "mmol/L", "3.9-6.1", "N"},
            "6690-2", new String[] {"Leukocytes", "7.2", "10*3/uL", "4.0-11.0", "N"},
            "3016-3", new String[] {"TSH", "2.1", "mIU/L", "0.4-4.0", "N"},
            "1989-3", new String[] {"Vitamin D (25-OH)", "12", "ng/mL", "30-100", "L"});

    private final ResultsProperties.TestLab settings;
    private final ObjectProvider<MllpListener> listener;
    private final ObjectProvider<FhirSync> sync;
    private ScheduledExecutorService later;
    private ServerSocket mllp;
    private FhirResultsServer fhir;

    TestLab(ResultsProperties.TestLab settings, ObjectProvider<MllpListener> listener, ObjectProvider<FhirSync> sync) {
        this.settings = settings;
        this.listener = listener;
        this.sync = sync;
    }

    /** Where orders of a kind go in the demo: laboratory over MLLP, imaging as FHIR. */
    ResultsProperties.Destination destination(OrderKind kind) {
        return kind == OrderKind.LAB
                ? new ResultsProperties.Destination("mllp", "127.0.0.1", mllp.getLocalPort(), null, "TESTLAB", "DEMO")
                : new ResultsProperties.Destination("fhir", null, null, fhir.baseUrl(), "TESTRIS", "DEMO");
    }

    ResultsProperties.FhirSource source() {
        return new ResultsProperties.FhirSource("test-lab", fhir.baseUrl(), 100, null);
    }

    @Override
    public void start() {
        try {
            later = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "test-lab");
                t.setDaemon(true);
                return t;
            });
            mllp = new ServerSocket(settings.mllpPort(), 10, InetAddress.getLoopbackAddress());
            fhir = new FhirResultsServer(settings.fhirPort());
            fhir.onServiceRequest(this::imagingOrdered);
            Thread accept = new Thread(this::accept, "test-lab-mllp");
            accept.setDaemon(true);
            accept.start();
            log.info("Test lab: orders over MLLP on {}, FHIR source at {}", mllp.getLocalPort(), fhir.baseUrl());
        } catch (IOException e) {
            throw new IllegalStateException("the demo's test lab cannot start", e);
        }
    }

    private void accept() {
        while (mllp != null && !mllp.isClosed()) {
            try (Socket socket = mllp.accept()) {
                String orm;
                while ((orm = Mllp.read(socket.getInputStream(), 1 << 20)) != null) {
                    Hl7Header header = Hl7Header.of(orm);
                    Mllp.write(socket.getOutputStream(), Ack.of(header, Ack.AA, null, Instant.now(), "O01"));
                    String order = orm;
                    later.schedule(() -> answer(order), settings.delay().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (IOException e) {
                // the next connection
            }
        }
    }

    /** The ORU for an ORM: the same PID, our order number echoed, the test's answer. */
    private void answer(String orm) {
        try {
            String pid = segment(orm, "PID");
            String[] orc = segment(orm, "ORC").split("\\|", -1);
            String[] obr = segment(orm, "OBR").split("\\|", -1);
            String placer = orc.length > 2 ? orc[2] : "";
            String[] test = obr.length > 4 ? obr[4].split("\\^", -1) : new String[] {"", ""};
            String[] a = ANSWERS.getOrDefault(
                    test[0], new String[] {test.length > 1 ? test[1] : test[0], "1.0", "", "", "N"});
            String now = TS.format(Instant.now());
            String oru = "MSH|^~\\&|TESTLAB|DEMO|TENHAL|TENHAL|" + now + "||ORU^R01^ORU_R01|R"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 18)
                    + "|P|2.5.1|||AL|NE||UNICODE UTF-8\r"
                    + pid + "\r"
                    + "ORC|RE|" + placer + "|TL-" + placer.substring(0, Math.min(8, placer.length())) + "\r"
                    + "OBR|1|" + placer + "|TL-" + placer + "|" + test[0] + "^" + a[0] + "^LN|||" + now
                    + "|||||||||||||||" + now + "|||F\r"
                    + "OBX|1|NM|" + test[0] + "^" + a[0] + "^LN||" + a[1] + "|" + a[2] + "|" + a[3] + "|" + a[4]
                    + "|||F|||" + now + "\r";
            String ack = Mllp.exchange(
                    "127.0.0.1", listener.getObject().port(), oru, Duration.ofSeconds(5), Duration.ofSeconds(30));
            log.info("Test lab sent the result of order {}: {}", placer, ack.contains("MSA|AA") ? "accepted" : ack);
        } catch (IOException | RuntimeException e) {
            log.warn("Test lab could not send a result: {}", e.toString());
        }
    }

    private void imagingOrdered(ServiceRequest request) {
        later.schedule(
                () -> {
                    try {
                        String orderId = request.getIdentifierFirstRep().getValue();
                        DiagnosticReport dr = new DiagnosticReport();
                        dr.setId("rad-" + orderId);
                        dr.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
                        dr.addCategory(new CodeableConcept(
                                new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", null)));
                        Coding code = request.getCode().getCodingFirstRep();
                        dr.getCode().addCoding(new Coding(code.getSystem(), code.getCode(), code.getDisplay()));
                        dr.addBasedOn(new Reference()
                                .setIdentifier(new Identifier()
                                        .setSystem(OrderMessages.ORDER_SYSTEM)
                                        .setValue(orderId)));
                        dr.setConclusion("Findings: no acute abnormality.\nImpression: normal study.");
                        dr.addPresentedForm()
                                .setContentType("application/pdf")
                                .setData(DEMO_PDF.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        dr.setIssued(java.util.Date.from(Instant.now()));
                        fhir.put(dr, List.of(), null, OrderKind.IMAGING, Instant.now());
                        sync.getObject().sync(source(), OrderKind.IMAGING);
                    } catch (RuntimeException e) {
                        log.warn("Test lab could not publish a radiology report: {}", e.toString());
                    }
                },
                settings.delay().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static String segment(String message, String name) {
        for (String s : message.split("[\r\n]+")) {
            if (s.startsWith(name + "|")) {
                return s;
            }
        }
        throw new IllegalArgumentException("no " + name + " segment");
    }

    @Override
    public void stop() {
        try {
            if (mllp != null) {
                mllp.close();
            }
        } catch (IOException ignored) {
            // closing
        }
        if (fhir != null) {
            fhir.close();
        }
        if (later != null) {
            later.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return mllp != null && !mllp.isClosed();
    }

    /** A one-page PDF that says it is a demonstration report. */
    private static final String DEMO_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
            + "4 0 obj<</Length 60>>stream\nBT /F1 18 Tf 72 760 Td (Tenhal test lab: demonstration report) Tj ET\nendstream endobj\n"
            + "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
}
