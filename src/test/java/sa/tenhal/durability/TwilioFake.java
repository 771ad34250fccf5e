package sa.tenhal.durability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Messages resource on WireMock, with memory: {@code POST …/Messages.json} keeps the message and answers its
 * sid, {@code GET …/Messages.json?To=…&From=…} lists the messages kept for that number, newest first — as Twilio does,
 * so that Tenhal's "does Twilio have it already?" gets a true answer. Each message is counted under the Tenhal message
 * id that its status callback URL names.
 */
final class TwilioFake implements ResponseDefinitionTransformerV2 {

    /** A message as Twilio keeps it. */
    record Held(String sid, String to, String from, String body, String tenhalId) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Held> held = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> byTenhalId = new ConcurrentHashMap<>();
    private final WireMockServer server;
    /** While set, every request is answered 503, as by a provider that is down. */
    private volatile boolean down;
    /** Numbers whose messages are always answered 503: a provider that never takes them (past any retry budget). */
    private final java.util.Set<String> refused = ConcurrentHashMap.newKeySet();

    TwilioFake() {
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(this));
        server.start();
        server.stubFor(any(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .willReturn(aResponse().withStatus(500)));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void shutDown() {
        server.stop();
    }

    /** How many times Twilio accepted each Tenhal message. */
    Map<String, Integer> acceptedByTenhalId() {
        return Map.copyOf(byTenhalId);
    }

    int accepted() {
        return held.size();
    }

    @Override
    public String getName() {
        return "twilio-fake";
    }

    void down(boolean down) {
        this.down = down;
    }

    void refuse(String number) {
        refused.add(number);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        if (down) {
            return json(503, Map.of("code", 20503, "message", "Service Unavailable"));
        }
        if (RequestMethod.POST.equals(request.getMethod())) {
            Map<String, String> form = decode(request.getBodyAsString());
            if (refused.contains(form.get("To"))) {
                return json(503, Map.of("code", 20503, "message", "Service Unavailable"));
            }
            String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
            String tenhalId = decode(URI.create(form.getOrDefault("StatusCallback", "http://x/"))
                            .getRawQuery())
                    .get("message");
            held.add(new Held(sid, form.get("To"), form.get("From"), form.get("Body"), tenhalId));
            if (tenhalId != null) {
                byTenhalId.merge(tenhalId, 1, Integer::sum);
            }
            return json(201, Map.of("sid", sid, "status", "queued", "to", form.get("To")));
        }
        Map<String, String> query = decode(URI.create(request.getUrl()).getRawQuery());
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = held.size() - 1; i >= 0; i--) {
            Held m = held.get(i);
            if (m.to().equals(query.get("To"))
                    && (query.get("From") == null || query.get("From").equals(m.from()))) {
                messages.add(Map.of(
                        "sid", m.sid(),
                        "to", m.to(),
                        "from", m.from(),
                        "body", m.body(),
                        "direction", "outbound-api",
                        "status", "sent"));
            }
        }
        Map<String, Object> page = new HashMap<>();
        page.put("messages", messages);
        page.put("next_page_uri", null);
        return json(200, page);
    }

    private static ResponseDefinition json(int status, Object body) {
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(body))
                .build();
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
