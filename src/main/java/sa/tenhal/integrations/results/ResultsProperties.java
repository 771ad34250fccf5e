package sa.tenhal.integrations.results;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Laboratory and radiology settings ({@code tenhal.results.*}, docs/results.md). Connecting a real lab is configuration
 * only.
 *
 * @param mllp the listener labs push results to
 * @param orders where orders go: one destination per kind (LAB, IMAGING)
 * @param fhirSources the FHIR servers the sync jobs pull reports from
 * @param testLab the demo's test lab (embedded default only): answers orders with results a little later
 */
@ConfigurationProperties("tenhal.results")
record ResultsProperties(Listener mllp, Orders orders, List<FhirSource> fhirSources, TestLab testLab) {

    ResultsProperties {
        mllp = mllp == null ? new Listener(null, null, null, null, null, null) : mllp;
        orders = orders == null ? new Orders(null, null, null, null, null) : orders;
        fhirSources = fhirSources == null ? List.of() : List.copyOf(fhirSources);
        testLab = testLab == null ? new TestLab(null, null, null, null) : testLab;
    }

    /**
     * @param enabled on or off; unset: on only on the embedded default with its demo (a production server opens no port
     *     until someone configures it)
     * @param bindAddress the address to listen on ({@code 0.0.0.0} for every interface)
     * @param port the TCP port (2575 is MLLP's registered port); 0 picks a free one (tests)
     * @param idleTimeout a connection idle this long is closed
     * @param maxMessageSize the largest message taken, in bytes (a radiology PDF travels inside one)
     * @param maxConnections connections served at once
     */
    record Listener(
            Boolean enabled,
            String bindAddress,
            Integer port,
            Duration idleTimeout,
            Integer maxMessageSize,
            Integer maxConnections) {

        Listener {
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.strip();
            port = port == null ? 2575 : port;
            idleTimeout = idleTimeout == null ? Duration.ofMinutes(5) : idleTimeout;
            maxMessageSize = maxMessageSize == null ? 16 * 1024 * 1024 : maxMessageSize;
            maxConnections = maxConnections == null ? 64 : maxConnections;
        }
    }

    /**
     * @param lab where laboratory orders go
     * @param imaging where imaging orders go
     * @param firstRetry the first retry of an order not acknowledged; doubled per attempt up to {@code maxRetryDelay}
     * @param maxRetryDelay the longest wait between two attempts
     * @param timeout connect and ACK timeout of one attempt
     */
    record Orders(Destination lab, Destination imaging, Duration firstRetry, Duration maxRetryDelay, Duration timeout) {

        Orders {
            lab = lab == null ? Destination.NONE : lab;
            imaging = imaging == null ? Destination.NONE : imaging;
            firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
            maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }

    /**
     * Where one kind of order goes.
     *
     * @param protocol {@code none} (orders stay in Tenhal, printed or phoned), {@code mllp} (HL7 v2.5 ORM^O01 to
     *     host:port) or {@code fhir} (a ServiceRequest POSTed to baseUrl)
     * @param receivingApplication MSH-5 / MSH-6 of the orders, as the lab wants them
     */
    record Destination(
            String protocol,
            String host,
            Integer port,
            String baseUrl,
            String receivingApplication,
            String receivingFacility) {

        static final Destination NONE = new Destination("none", null, null, null, null, null);

        Destination {
            protocol = protocol == null || protocol.isBlank()
                    ? "none"
                    : protocol.strip().toLowerCase();
            receivingApplication = receivingApplication == null ? "LAB" : receivingApplication;
            receivingFacility = receivingFacility == null ? "LAB" : receivingFacility;
        }

        boolean none() {
            return "none".equals(protocol);
        }
    }

    /**
     * A FHIR server results are pulled from.
     *
     * @param name the source's name (stored with each report; a report is known by source and id)
     * @param baseUrl the FHIR base, e.g. {@code https://lab.example/fhir}
     * @param pageSize reports per page asked for ({@code _count})
     */
    record FhirSource(String name, String baseUrl, Integer pageSize, String bearerToken) {

        FhirSource {
            pageSize = pageSize == null ? 100 : pageSize;
        }
    }

    /**
     * @param enabled the demo's test lab; unset: on only on the embedded default with its demo
     * @param delay how long after an order its result comes
     * @param mllpPort the port the test lab takes orders on (0: a free one)
     * @param fhirPort the port of the test lab's FHIR server (0: a free one)
     */
    record TestLab(Boolean enabled, Duration delay, Integer mllpPort, Integer fhirPort) {

        TestLab {
            delay = delay == null ? Duration.ofSeconds(20) : delay;
            mllpPort = mllpPort == null ? 0 : mllpPort;
            fhirPort = fhirPort == null ? 0 : fhirPort;
        }
    }
}
