package sa.tenhal.integrations.results;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import sa.tenhal.visits.OrderKind;

/**
 * A small FHIR R4 server of a lab's reports, on a local port: the test lab's FHIR source in the demo, and the local
 * endpoint of the sync tests and the bench. It answers {@code GET DiagnosticReport?category=&_lastUpdated=ge&
 * _sort=_lastUpdated&_count=&_offset=&_include=…} with search bundles and {@code next} links, and takes
 * {@code POST ServiceRequest} (conditional create on the identifier). Tests can make it fail.
 */
public final class FhirResultsServer implements AutoCloseable {

    /** One stored report with what its search includes. */
    record Stored(DiagnosticReport report, List<Observation> observations, Patient patient, OrderKind category) {}

    private final Map<String, Stored> reports = new ConcurrentHashMap<>();
    private final Map<String, ServiceRequest> requests = new ConcurrentHashMap<>();
    private final List<String> searches = new CopyOnWriteArrayList<>();
    private final AtomicInteger versions = new AtomicInteger();
    private final HttpServer server;
    private volatile Predicate<String> failing = url -> false;
    private volatile java.util.function.Consumer<ServiceRequest> onRequest = r -> {};

    public FhirResultsServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/fhir", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fhir-results-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** Adds or replaces a report (a new version, changed now or at {@code at}). */
    public synchronized void put(
            DiagnosticReport report, List<Observation> observations, Patient patient, OrderKind category, Instant at) {
        report.getMeta().setVersionId(Integer.toString(versions.incrementAndGet()));
        report.getMeta().setLastUpdated(Date.from(at));
        reports.put(report.getIdElement().getIdPart(), new Stored(report, observations, patient, category));
    }

    /** Searches answered with 500 while this holds for the request's URL. */
    public void failWhen(Predicate<String> condition) {
        this.failing = condition;
    }

    /** Called with every new ServiceRequest (the test lab answers it with a report). */
    void onServiceRequest(java.util.function.Consumer<ServiceRequest> consumer) {
        this.onRequest = consumer;
    }

    /** The search URLs asked for, in order. */
    public List<String> searches() {
        return List.copyOf(searches);
    }

    public int serviceRequests() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String url = path + (query == null ? "" : "?" + query);
            if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/ServiceRequest")) {
                ServiceRequest request =
                        Fhir.CONTEXT.newJsonParser().parseResource(ServiceRequest.class, exchange.getRequestBody());
                String key = request.getIdentifierFirstRep().getValue();
                boolean created = requests.putIfAbsent(key, request) == null;
                if (created) {
                    onRequest.accept(request);
                }
                answer(
                        exchange,
                        created ? 201 : 200,
                        Fhir.CONTEXT.newJsonParser().encodeResourceToString(request));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) || !path.endsWith("/DiagnosticReport")) {
                answer(exchange, 404, "{\"resourceType\":\"OperationOutcome\"}");
                return;
            }
            searches.add(url);
            if (failing.test(url)) {
                answer(exchange, 500, "{\"resourceType\":\"OperationOutcome\"}");
                return;
            }
            answer(exchange, 200, Fhir.CONTEXT.newJsonParser().encodeResourceToString(search(params(query))));
        }
    }

    private Bundle search(Map<String, String> params) {
        String category = params.getOrDefault("category", "LAB");
        Instant since = params.containsKey("_lastUpdated")
                ? Instant.parse(params.get("_lastUpdated").replaceFirst("^ge", ""))
                : Instant.EPOCH;
        int count = Integer.parseInt(params.getOrDefault("_count", "100"));
        int offset = Integer.parseInt(params.getOrDefault("_offset", "0"));
        List<Stored> matching = new ArrayList<>();
        for (Stored s : reports.values()) {
            boolean lab = s.category() == OrderKind.LAB;
            if (lab == "LAB".equals(category)
                    && !s.report().getMeta().getLastUpdated().toInstant().isBefore(since)) {
                matching.add(s);
            }
        }
        matching.sort(Comparator.comparing((Stored s) -> s.report().getMeta().getLastUpdated())
                .thenComparing(s -> s.report().getIdElement().getIdPart()));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matching.size());
        for (Stored s :
                matching.subList(Math.min(offset, matching.size()), Math.min(offset + count, matching.size()))) {
            bundle.addEntry().setResource(s.report()).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            for (Resource r : s.observations()) {
                bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
            }
            if (s.patient() != null) {
                bundle.addEntry().setResource(s.patient()).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
            }
        }
        if (offset + count < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("_offset", Integer.toString(offset + count));
            StringBuilder link = new StringBuilder(baseUrl()).append("/DiagnosticReport?");
            next.forEach((k, v) -> link.append(k).append('=').append(v).append('&'));
            bundle.addLink().setRelation(Bundle.LINK_NEXT).setUrl(link.substring(0, link.length() - 1));
        }
        return bundle;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                // repeated _include: only the last is kept, every report's includes come anyway
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
