package sa.tenhal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.RawHttp;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TestConfig;
import sa.tenhal.fuzz.OpenApiOperations.Operation;
import sa.tenhal.fuzz.OpenApiOperations.Parameter;
import sa.tenhal.identity.Role;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hostile client against the running application: every operation of the OpenAPI document, as every role and
 * anonymously, with a fixed seed — valid-looking requests mixed with control characters, huge strings, quotes and
 * escapes, wrong JSON types, impossible numbers, dates and UUIDs, unknown enum values, bad sort and paging
 * parameters, broken or deep JSON, missing bodies, wrong content types, bad {@code If-Match} and
 * {@code Idempotency-Key} headers — and then the main pages' forms, posted with a session and its CSRF token.
 *
 * <p>It fails on any 5xx; on any row that a refused request (4xx) changed, as the database's own triggers saw it
 * ({@link RowChanges}, {@link RequestTagging}); on an error of an API call that is not a problem document, or of a
 * page that is not a page; on a list that accepts an unknown sort; and on any ERROR the application logged meanwhile.
 * It prints what it did: requests per operation and their statuses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // this context's asynchronous listeners, told apart in the log from those of the other tests' contexts
        properties = "spring.task.execution.thread-name-prefix=" + FuzzIntegrationTests.TASKS)
@Import({TestConfig.class, RequestTagging.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuzzIntegrationTests {

    static final long SEED = 20_261_205L;

    /** Requests per operation and caller; {@code -Dfuzz.rounds=20} for a longer run. */
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 4);

    static final String ANONYMOUS = "ANONYMOUS";

    static final String TASKS = "fuzz-task-";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(
                    JsonWriteFeature
                            .ESCAPE_NON_ASCII) // lone surrogates travel as \\uD800 escapes, as a client may send
            .build();

    @LocalServerPort
    int port;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    RawHttp http;
    RowChanges changes;
    FuzzValues values;
    final FuzzValues.Pools pools = new FuzzValues.Pools();
    final Map<String, Caller> callers = new LinkedHashMap<>();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    int sequence;

    /** One request the test sent and what came back. */
    record Exchange(String operation, String caller, String variant, String target, int status, String contentType) {}

    @BeforeAll
    void prepare() throws IOException {
        http = new RawHttp(port);
        values = new FuzzValues(new Random(SEED), pools);
        changes = new RowChanges(jdbc);
        changes.install();
        for (Role role : Role.values()) {
            callers.put(role.name(), staff.as(role));
        }
        callers.put(ANONYMOUS, null);
        seed();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void cleanUp() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        changes.uninstall();
    }

    @Test
    @Order(1)
    void everyOperationAsEveryCallerAnswersWithoutServerErrorAndRefusalsChangeNothing() throws IOException {
        long started = System.nanoTime();
        String docs = http.send("GET", "/v3/api-docs", Map.of(), null).text();
        OpenApiOperations openApi = new OpenApiOperations(docs);
        List<Operation> operations = openApi.all();
        assertThat(operations).hasSizeGreaterThan(100);

        Set<String> unknownSortAccepted = new java.util.TreeSet<>();
        int first = sequence;
        for (int round = 0; round < ROUNDS; round++) {
            for (Operation operation : operations) {
                for (String caller : callers.keySet()) {
                    Exchange exchange = send(openApi, operation, caller, round);
                    if (exchange.variant().equals("sort-unknown")
                            && operation.hasQuery("sort")
                            && exchange.status() < 300) {
                        unknownSortAccepted.add(operation.key());
                    }
                }
            }
        }
        for (Operation operation : operations) {
            if (operation.hasQuery("sort")) {
                // as the admin, who may read every list: an unknown sort property must be refused
                Exchange exchange = send(openApi, operation, Role.ADMIN.name(), -1);
                if (exchange.status() < 300) {
                    unknownSortAccepted.add(operation.key());
                }
            }
        }
        report("API", first, System.nanoTime() - started);
        assertThat(unknownSortAccepted)
                .as("lists that accepted an unknown sort property")
                .isEmpty();
        assertClean(first);
    }

    /** Pages each role's crawl opens at most (one of each kind: a patient's profile once, not fifty). */
    static final int PAGES_PER_ROLE = 40;

    /** Submissions of each kind of form, per role. */
    static final int SUBMISSIONS_PER_FORM = Integer.getInteger("fuzz.form-rounds", 5);

    @Test
    @Order(2)
    void pageFormsAnswerPagesWithoutServerErrorAndRefusalsChangeNothing() throws IOException {
        long started = System.nanoTime();
        int first = sequence;
        Set<String> callerIds = callers.values().stream()
                .filter(java.util.Objects::nonNull)
                .map(c -> c.id().value().toString())
                .collect(Collectors.toSet());
        for (Role role : Role.values()) {
            Map<String, String> cookies = signIn(callers.get(role.name()));
            java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of("/"));
            Set<String> kinds = new java.util.HashSet<>();
            Map<String, PageForms.Form> forms = new LinkedHashMap<>();
            while (!queue.isEmpty() && kinds.size() < PAGES_PER_ROLE) {
                String path = queue.poll();
                if (!kinds.add(new PageForms.Form(path, Map.of()).kind())) {
                    continue;
                }
                RawHttp.Response page = page("GET", path, cookies, null, null, role.name(), "crawl");
                if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                    continue;
                }
                String html = page.text();
                for (String link : PageForms.links(html)) {
                    if (crawlable(link)) {
                        queue.add(link);
                    }
                }
                for (PageForms.Form form : PageForms.forms(html, path.replaceAll("\\?.*", ""))) {
                    if (postable(form.action()) && callerIds.stream().noneMatch(form.action()::contains)) {
                        forms.putIfAbsent(form.kind(), form);
                    }
                }
                String separator = path.contains("?") ? "&" : "?";
                page(
                        "GET",
                        path
                                + separator
                                + values.pick(List.of(
                                        "q=%00",
                                        "q=%ZZ",
                                        "page=-1",
                                        "page=99999999999",
                                        "date=2026-02-30",
                                        "lang=%01",
                                        "status=ZZZ",
                                        "from=%2B999999999-01-01",
                                        RawHttp.encode("\u202e") + "=" + RawHttp.encode("\ud800"),
                                        "size=1000000",
                                        "sort=%25")),
                        cookies,
                        null,
                        null,
                        role.name(),
                        "query-hostile");
            }
            for (PageForms.Form form : forms.values()) {
                for (int i = 0; i < SUBMISSIONS_PER_FORM; i++) {
                    submit(form, cookies, role.name());
                }
            }
        }
        report("pages", first, System.nanoTime() - started);
        assertClean(first);
    }

    private static boolean crawlable(String link) {
        String path = link.replaceAll("[?#].*", "");
        return !(path.startsWith("/api")
                || path.startsWith("/logout")
                || path.startsWith("/login")
                || path.startsWith("/p/")
                || path.startsWith("/db-scheduler")
                || path.startsWith("/swagger")
                || path.startsWith("/v3")
                || path.startsWith("/webjars")
                || path.startsWith("/css")
                || path.startsWith("/js")
                || path.startsWith("/img")
                || path.startsWith("/set-password")
                || path.startsWith("/actuator")
                || path.endsWith(".pdf")
                || path.endsWith(".ics")
                || path.endsWith(".csv")
                || path.contains("/pdf")
                || path.contains("/receipt"));
    }

    /**
     * Forms the test may post. Not the sign-in and sign-out forms (another test's subject), not passwords, and not the
     * jobs' and event publications' controls: those act on the whole application, and the other tests' work with it.
     */
    private static boolean postable(String action) {
        return action.startsWith("/")
                && !(action.startsWith("/logout")
                        || action.startsWith("/login")
                        || action.contains("password")
                        || action.startsWith("/admin/jobs")
                        || action.startsWith("/admin/events")
                        || action.startsWith("/db-scheduler"));
    }

    private void submit(PageForms.Form form, Map<String, String> cookies, String role) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        List<String> editable =
                fields.keySet().stream().filter(f -> !f.equals("_csrf")).toList();
        String variant = values.pick(List.of(
                "valid",
                "field-hostile",
                "field-hostile",
                "field-hostile",
                "field-missing",
                "csrf-missing",
                "csrf-wrong",
                "unknown-field",
                "raw-percent",
                "huge",
                "accept-json",
                "content-type"));
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        switch (variant) {
            case "field-hostile" -> {
                if (!editable.isEmpty()) {
                    fields.put(values.pick(editable), values.pick(FuzzValues.HOSTILE_STRINGS));
                }
            }
            case "field-missing" -> {
                if (!editable.isEmpty()) {
                    fields.remove(values.pick(editable));
                }
            }
            case "csrf-missing" -> fields.remove("_csrf");
            case "csrf-wrong" -> fields.put("_csrf", "forged-" + values.digits(10));
            case "unknown-field" ->
                fields.put(values.pick(FuzzValues.HOSTILE_STRINGS), values.pick(FuzzValues.HOSTILE_STRINGS));
            case "accept-json" -> headers.put("Accept", "application/json");
            case "content-type" ->
                headers.put(
                        "Content-Type",
                        values.pick(List.of("text/plain", "multipart/form-data; boundary=zz", "application/json")));
            default -> {}
        }
        body = fields.entrySet().stream()
                .map(f -> RawHttp.encode(f.getKey()) + "=" + RawHttp.encode(f.getValue()))
                .collect(Collectors.joining("&"));
        if (variant.equals("raw-percent")) {
            body = body + "&" + values.pick(List.of("x=%", "x=%ZZ", "%=1", "x=%C3%28", "x=%ED%A0%80"));
        } else if (variant.equals("huge")) {
            body = body + "&" + (editable.isEmpty() ? "notes" : RawHttp.encode(values.pick(editable))) + "="
                    + "a".repeat(2_200_000);
        }
        headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
        page("POST", form.action(), cookies, headers, body.getBytes(StandardCharsets.UTF_8), role, variant);
    }

    private RawHttp.Response page(
            String method,
            String target,
            Map<String, String> cookies,
            Map<String, String> extraHeaders,
            byte[] body,
            String role,
            String variant)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Accept-Language", values.chance(50) ? "ar" : "en");
        if (!cookies.isEmpty()) {
            headers.put(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (extraHeaders != null) {
            headers.putAll(extraHeaders);
        }
        String tag = String.valueOf(++sequence);
        headers.put(RequestTagging.HEADER, tag);
        String operation = "PAGE " + method + " " + new PageForms.Form(target, Map.of()).kind();
        RawHttp.Response response;
        try {
            response = http.send(method, target, headers, body);
        } catch (IOException e) {
            failures.add("no answer to " + method + " " + shorten(target) + " as " + role + ": " + e);
            exchanges.put(tag, new Exchange(operation, role, variant, target, 0, ""));
            return new RawHttp.Response(0, Map.of(), new byte[0]);
        }
        Exchange exchange = new Exchange(operation, role, variant, target, response.status(), response.contentType());
        exchanges.put(tag, exchange);
        check(exchange, method, response);
        for (String cookie : response.all("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return response;
    }

    /** Signs in through the sign-in form, as a browser does, and returns the cookies that carry the session. */
    private Map<String, String> signIn(Caller caller) throws IOException {
        Map<String, String> cookies = new LinkedHashMap<>();
        RawHttp.Response form = http.send("GET", "/login", Map.of("Accept", "text/html"), null);
        for (String cookie : form.all("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        PageForms.forms(form.text(), "/login").stream().findFirst().ifPresent(f -> fields.putAll(f.fields()));
        fields.put("username", caller.username());
        fields.put("password", StaffFixtures.PASSWORD);
        String body = fields.entrySet().stream()
                .map(f -> RawHttp.encode(f.getKey()) + "=" + RawHttp.encode(f.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put(
                "Cookie",
                cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
        RawHttp.Response signedIn = http.send("POST", "/login", headers, body.getBytes(StandardCharsets.UTF_8));
        for (String cookie : signedIn.all("set-cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(signedIn.status()).as("signed in as " + caller.username()).isEqualTo(302);
        assertThat(signedIn.header("location")).doesNotContain("error");
        return cookies;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // one request

    private Exchange send(OpenApiOperations openApi, Operation operation, String caller, int round) throws IOException {
        String variant = round < 0 ? "sort-unknown" : variant(operation);
        Map<String, String> headers = new LinkedHashMap<>();
        Caller who = callers.get(caller);
        if (who != null) {
            headers.put("Authorization", who.bearer());
        }
        headers.put("Accept", values.chance(20) ? "text/html,application/xhtml+xml" : "application/json");

        // the path
        StringBuilder target = new StringBuilder();
        String template = operation.path();
        String[] segments = template.substring(1).split("/");
        String previous = null;
        for (String segment : segments) {
            target.append('/');
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                Parameter parameter = operation.parameters().stream()
                        .filter(p -> p.in().equals("path") && p.name().equals(name))
                        .findFirst()
                        .orElse(null);
                target.append(pathValue(variant, name, previous, parameter == null ? null : parameter.schema()));
            } else {
                target.append(segment);
                previous = segment;
            }
        }

        // the query
        List<String> query = new ArrayList<>();
        Parameter hostileQuery = null;
        List<Parameter> queryParameters = operation.parameters().stream()
                .filter(p -> p.in().equals("query"))
                .toList();
        if (variant.equals("query-hostile") || variant.equals("query-raw")) {
            if (!queryParameters.isEmpty()) {
                hostileQuery = values.pick(queryParameters);
            }
        }
        for (Parameter parameter : queryParameters) {
            if (parameter == hostileQuery) {
                String bad = withinRequestLine(values.hostileText(parameter.schema()));
                query.add(parameter.name() + "=" + (variant.equals("query-raw") ? raw(bad) : RawHttp.encode(bad)));
            } else if (parameter.name().equals("sort")) {
                if (variant.equals("sort-unknown")) {
                    query.add("sort=zzzUnknown,desc");
                } else if (variant.equals("paging-hostile")) {
                    query.add("sort="
                            + values.pick(List.of(
                                    "%",
                                    "%25",
                                    "%2525",
                                    "%ZZ",
                                    "%00",
                                    ",",
                                    ",,",
                                    "id;drop",
                                    "startsAt,sideways",
                                    "a.b.c",
                                    "..",
                                    "createdAt,desc,extra",
                                    "%E2%80%AE",
                                    "%ED%A0%80")));
                }
            } else if (parameter.name().equals("page") || parameter.name().equals("size")) {
                if (variant.equals("paging-hostile")) {
                    query.add(parameter.name() + "="
                            + values.pick(List.of(
                                    "-1",
                                    "0",
                                    "2147483647",
                                    "2147483648",
                                    "99999999999",
                                    "abc",
                                    "1e3",
                                    "",
                                    "%00",
                                    "1.5")));
                } else if (values.chance(40)) {
                    query.add(parameter.name() + "=" + values.integer(parameter.name()));
                }
            } else if (parameter.required() || values.chance(40)) {
                JsonNode value = values.valid(parameter.schema(), parameter.name(), openApi::resolve);
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        query.add(parameter.name() + "=" + RawHttp.encode(item.asString()));
                    }
                } else {
                    query.add(parameter.name() + "="
                            + RawHttp.encode(value.isString() ? value.asString() : value.toString()));
                }
            }
        }
        if (variant.equals("query-unknown")) {
            query.add(RawHttp.encode(withinRequestLine(values.pick(FuzzValues.HOSTILE_STRINGS))) + "="
                    + RawHttp.encode(withinRequestLine(values.pick(FuzzValues.HOSTILE_STRINGS))));
        }
        if (values.chance(5)) {
            query.add("lang=" + values.pick(List.of("ar", "en", "xx", "%00", "a%01")));
        }
        if (!query.isEmpty()) {
            target.append('?').append(String.join("&", query));
        }

        // the headers it interprets
        if (operation.parameters().stream()
                .anyMatch(p -> p.in().equals("header") && p.name().equals("If-Match"))) {
            if (variant.equals("header-hostile")) {
                String bad = values.pick(List.of(
                        "\"abc\"",
                        "W/\"1\"",
                        "*",
                        "",
                        "\"-1\"",
                        "\"99999999999999999999\"",
                        "1",
                        "\"1",
                        "\"\"",
                        "\"1\", \"2\""));
                headers.put("If-Match", bad);
            } else if (values.chance(90)) {
                headers.put("If-Match", "\"" + values.random().nextInt(4) + "\"");
            }
        }
        if (operation.method().equals("POST") && (variant.equals("header-hostile") || values.chance(10))) {
            headers.put(
                    "Idempotency-Key",
                    variant.equals("header-hostile")
                            ? values.pick(List.of("", " ", "k".repeat(300), "same-key-every-time", "ä\u00a0key"))
                            : UUID.randomUUID().toString());
        }

        // the body
        byte[] body = null;
        if (operation.hasBody() && !(variant.equals("body-missing"))) {
            if (operation.contentType().equals("text/csv")) {
                headers.put("Content-Type", "text/csv");
                body = csv(variant).getBytes(StandardCharsets.UTF_8);
            } else {
                headers.put("Content-Type", "application/json");
                body = jsonBody(openApi, operation, variant);
                if (variant.equals("content-type")) {
                    headers.put(
                            "Content-Type",
                            values.pick(List.of(
                                    "text/plain",
                                    "application/x-www-form-urlencoded",
                                    "application/xml",
                                    "multipart/form-data; boundary=x",
                                    "application/json; charset=ISO-8859-1",
                                    "application/json; charset=nonsense")));
                }
            }
        }
        String method = variant.equals("method")
                ? values.pick(List.of("PATCH", "DELETE", "PUT", "POST", "OPTIONS"))
                : operation.method();

        String tag = String.valueOf(++sequence);
        headers.put(RequestTagging.HEADER, tag);
        RawHttp.Response response;
        try {
            response = http.send(method, target.toString(), headers, body);
        } catch (IOException e) {
            failures.add("no answer to " + method + " " + shorten(target.toString()) + " as " + caller + ": " + e);
            Exchange failed = new Exchange(operation.key(), caller, variant, target.toString(), 0, "");
            exchanges.put(tag, failed);
            return failed;
        }
        Exchange exchange = new Exchange(
                operation.key(), caller, variant, target.toString(), response.status(), response.contentType());
        exchanges.put(tag, exchange);
        check(exchange, method, response);
        if (response.status() < 300 && method.equals("POST") && !variant.equals("method")) {
            harvest(operation.path(), response);
        }
        return exchange;
    }

    private String variant(Operation operation) {
        List<String> variants = new ArrayList<>(List.of("valid", "valid", "path-hostile", "path-unknown", "method"));
        if (operation.parameters().stream().anyMatch(p -> p.in().equals("query"))) {
            variants.addAll(List.of("query-hostile", "query-hostile", "query-raw", "query-unknown"));
        }
        if (operation.hasQuery("sort") || operation.hasQuery("page")) {
            variants.addAll(List.of("paging-hostile", "sort-unknown"));
        }
        if (operation.hasBody()) {
            variants.addAll(List.of(
                    "body-field",
                    "body-field",
                    "body-field",
                    "body-missing-field",
                    "body-structure",
                    "body-missing",
                    "content-type"));
        }
        if (operation.method().equals("POST") || operation.method().equals("PUT")) {
            variants.add("header-hostile");
        }
        if (!operation.path().contains("{")) {
            variants.removeAll(List.of("path-hostile", "path-unknown"));
        }
        return values.pick(variants);
    }

    /**
     * Hostile text cut to what fits a request line: past Tomcat's 8 KiB the container refuses the request before the
     * application sees it and resets the connection while the client still writes — not the application's answer.
     * Five hundred characters stay under it even percent-encoded (Arabic letters take six bytes each), twice over: an
     * unknown parameter carries hostile text as its name and as its value.
     */
    private static String withinRequestLine(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private String pathValue(String variant, String name, String collection, JsonNode schema) {
        if (variant.equals("path-hostile")) {
            String bad = withinRequestLine(values.hostileText(schema));
            return values.chance(30) ? raw(bad) : RawHttp.encode(bad);
        }
        if (variant.equals("path-unknown")) {
            return name.equals("name") || name.equals("code")
                    ? "NOPE" + values.digits(3)
                    : UUID.randomUUID().toString();
        }
        // Job names are global: pausing or rescheduling a real job would reach into the other tests' work, so job
        // operations see only names that exist nowhere.
        List<String> pool = name.equals("name") ? List.of() : pools.of(collection == null ? "" : collection);
        if (pool.isEmpty()) {
            pool = pools.of(FuzzValues.collectionFor(name) == null ? "" : FuzzValues.collectionFor(name));
        }
        if (!pool.isEmpty() && values.chance(90)) {
            return RawHttp.encode(values.pick(pool));
        }
        return name.equals("name") || name.equals("code")
                ? "NOPE" + values.digits(3)
                : UUID.randomUUID().toString();
    }

    /** The text as it stands, if it can stand in a request line at all; encoded otherwise. */
    private static String raw(String text) {
        boolean printable = !text.isEmpty()
                && text.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '#' && c != '&' && c != '?' && c != '/');
        return printable ? text : RawHttp.encode(text);
    }

    private byte[] jsonBody(OpenApiOperations openApi, Operation operation, String variant) {
        JsonNode valid = values.valid(operation.bodySchema(), null, openApi::resolve);
        switch (variant) {
            case "body-field" -> {
                return bytes(mutate(openApi, operation.bodySchema(), valid, false));
            }
            case "body-missing-field" -> {
                return bytes(mutate(openApi, operation.bodySchema(), valid, true));
            }
            case "body-structure" -> {
                String text = valid.toString();
                return values.pick(List.of(
                                "",
                                "null",
                                "[]",
                                "\"x\"",
                                "1",
                                "{",
                                "{\"a\":}",
                                "[".repeat(20_000),
                                "{\"a\":".repeat(3_000),
                                text + text,
                                "\uFEFF" + text,
                                text.replaceFirst("\\{", "{\"\u0000\":1,"),
                                text.length() > 2 ? text.substring(0, text.length() / 2) : "{",
                                "{\"x\":\"" + "a".repeat(1_200_000) + "\"}",
                                "{\"x\":1" + ",\"x\":2".repeat(3) + "}",
                                "{\"a\":1e999999}",
                                "{\"a\":" + "9".repeat(5_000) + "}"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return bytes(valid);
            }
        }
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    /** One value somewhere in the body replaced by a hostile one (or removed), chosen among all of its values. */
    private JsonNode mutate(OpenApiOperations openApi, JsonNode schema, JsonNode body, boolean remove) {
        List<Runnable> choices = new ArrayList<>();
        collect(openApi, schema, body, remove, choices);
        if (choices.isEmpty()) {
            return remove ? JsonNodeFactory.instance.objectNode() : values.hostile(schema);
        }
        values.pick(choices).run();
        return body;
    }

    private void collect(
            OpenApiOperations openApi, JsonNode schema, JsonNode node, boolean remove, List<Runnable> out) {
        schema = openApi.resolve(schema);
        if (schema == null) {
            return;
        }
        if (node instanceof ObjectNode object && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String name = property.getKey();
                JsonNode propertySchema = openApi.resolve(property.getValue());
                if (remove) {
                    if (object.has(name)) {
                        out.add(() -> object.remove(name));
                    }
                } else {
                    out.add(() -> object.set(name, values.hostile(propertySchema)));
                }
                if (object.has(name)) {
                    collect(openApi, propertySchema, object.get(name), remove, out);
                }
            }
            if (!remove) {
                out.add(() -> object.set(values.pick(FuzzValues.HOSTILE_STRINGS), values.hostile(null)));
            }
        } else if (node instanceof ArrayNode array && schema.has("items") && !array.isEmpty()) {
            JsonNode items = openApi.resolve(schema.get("items"));
            if (remove) {
                out.add(() -> array.remove(0));
            } else {
                out.add(() -> array.set(0, values.hostile(items)));
            }
            collect(openApi, items, array.get(0), remove, out);
        }
    }

    private String csv(String variant) {
        if (variant.startsWith("body-")) {
            return values.pick(List.of(
                    "",
                    "\u0000",
                    "transaction,date,amount,reference\nT1,2026-02-30,abc,\u0000\n",
                    "transaction,date,amount,reference\n" + "T,2026-01-01,1,INV\n".repeat(20_000),
                    "transaction,date,amount,reference\nT2,2026-01-01,-5,\"unterminated\n",
                    "a;b;c\n1;2;3\n",
                    "transaction,date,amount,reference\nT3,2026-01-01,1e308,INV-1\n",
                    "transaction,date,amount,reference\n" + "x".repeat(5000) + ",2026-01-01,1,INV\n"));
        }
        return "transaction,date,amount,reference\nFZ" + values.digits(8) + "," + LocalDate.now() + ",100.00,INV-"
                + values.digits(6) + "\n";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what each answer must be, and what it teaches

    private void check(Exchange exchange, String method, RawHttp.Response response) {
        String what = method + " " + shorten(exchange.target()) + " as " + exchange.caller() + " (" + exchange.variant()
                + ")";
        if (response.status() >= 500) {
            failures.add(response.status() + " for " + what + ": " + shorten(response.text()));
        }
        boolean api = exchange.target().startsWith("/api/");
        if (response.status() >= 400 && api && !response.contentType().startsWith("application/problem+json")) {
            failures.add(response.status() + " without a problem document (" + response.contentType() + ") for " + what
                    + ": " + shorten(response.text()));
        }
        if (response.status() >= 400 && !api && !response.contentType().startsWith("text/html")) {
            failures.add(response.status() + " for a page answered " + response.contentType() + " for " + what);
        }
    }

    private void harvest(String template, RawHttp.Response response) {
        if (!response.contentType().contains("json")) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return;
        }
        String[] segments = template.split("/");
        String collection = segments[segments.length - 1];
        if (collection.startsWith("{")) {
            return;
        }
        List<JsonNode> records = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(records::add);
        } else {
            records.add(node);
        }
        for (JsonNode record : records) {
            if (collection.equals("centres") && record.has("code")) {
                pools.add("centres", record.get("code").asString());
            } else if (record.has("id")) {
                pools.add(collection, record.get("id").asString());
            }
            for (Map.Entry<String, JsonNode> field : record.properties()) {
                if (field.getValue().isArray()) {
                    for (JsonNode item : field.getValue()) {
                        if (item.isObject() && item.has("id")) {
                            pools.add(field.getKey(), item.get("id").asString());
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // what the test needs to find before it starts: a centre, clinics, a provider who works, patients, a visit, money

    private void seed() throws IOException {
        String admin = callers.get(Role.ADMIN.name()).bearer();
        String centre = "FZ" + values.digits(6);
        post(admin, "/api/v1/centres", "{\"code\":\"" + centre + "\",\"nameEn\":\"Fuzz centre\",\"nameAr\":\"مركز\"}");
        String speech = id(
                post(
                        admin,
                        "/api/v1/clinics",
                        "{\"centreCode\":\"" + centre
                                + "\",\"code\":\"SP\",\"nameEn\":\"Speech\",\"nameAr\":\"نطق\",\"discipline\":\"SPEECH_LANGUAGE\"}"));
        String ot = id(
                post(
                        admin,
                        "/api/v1/clinics",
                        "{\"centreCode\":\"" + centre
                                + "\",\"code\":\"OT\",\"nameEn\":\"OT\",\"nameAr\":\"وظيفي\",\"discipline\":\"OCCUPATIONAL_THERAPY\"}"));
        String room = id(post(
                admin,
                "/api/v1/rooms",
                "{\"clinicId\":\"" + speech
                        + "\",\"code\":\"R1\",\"nameEn\":\"Room\",\"nameAr\":\"غرفة\",\"kind\":\"THERAPY\"}"));
        String service = id(
                post(
                        admin,
                        "/api/v1/services",
                        "{\"clinicId\":\"" + speech
                                + "\",\"code\":\"SLP-45\",\"nameEn\":\"Session\",\"nameAr\":\"جلسة\",\"durationMinutes\":45,"
                                + "\"bufferMinutes\":15,\"price\":350.00,\"vatCategory\":\"STANDARD\",\"roomKind\":\"THERAPY\"}"));
        String provider = id(post(
                admin,
                "/api/v1/providers",
                "{\"userId\":\""
                        + callers.get(Role.PROVIDER.name()).id().value()
                        + "\",\"nameEn\":\"Fuzz Provider\",\"nameAr\":\"معالج\",\"licenceNumber\":\"FZ-1\","
                        + "\"specialty\":\"SLP\",\"clinicIds\":[\"" + speech + "\"]}"));
        post(
                admin,
                "/api/v1/providers/" + provider + "/working-hours",
                "{\"clinicId\":\"" + speech + "\",\"validFrom\":\""
                        + LocalDate.now(FuzzValues.RIYADH).minusDays(1)
                        + "\",\"days\":[\"SUNDAY\",\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\"],"
                        + "\"intervals\":[{\"starts\":\"08:00\",\"ends\":\"16:00\"}]}");
        for (int i = 0; i < 3; i++) {
            String first = "1" + values.digits(8);
            String patient = id(post(
                    admin,
                    "/api/v1/patients?acknowledgeDuplicates=true",
                    "{\"givenNameEn\":\"Fuzz\","
                            + "\"familyNameEn\":\"Patient" + values.letters(5) + "\",\"birthDate\":\"1990-01-0"
                            + (i + 1)
                            + "\",\"sex\":\"FEMALE\",\"nationality\":\"SA\",\"identityDocument\":{\"type\":\"NATIONAL_ID\","
                            + "\"number\":\"" + first + sa.tenhal.shared.NationalId.checkDigitFor(first) + "\"},"
                            + "\"mobile\":\"055" + values.digits(7)
                            + "\",\"preferredLanguage\":\"AR\",\"channels\":[\"SMS\"]}"));
            if (patient == null) {
                continue;
            }
            post(
                    admin,
                    "/api/v1/appointments",
                    "{\"patientId\":\"" + patient + "\",\"providerId\":\"" + provider
                            + "\",\"serviceId\":\"" + service + "\",\"roomId\":\"" + room + "\",\"startsAt\":\""
                            + values.futureSlot() + "\",\"notes\":\"seed\"}");
            post(
                    admin,
                    "/api/v1/invoices",
                    "{\"patientId\":\"" + patient + "\",\"clinicId\":\"" + speech + "\",\"lines\":[{\"serviceId\":\""
                            + service + "\",\"quantity\":1}]}");
            post(
                    admin,
                    "/api/v1/payments",
                    "{\"patientId\":\"" + patient + "\",\"method\":\"CASH\",\"amount\":100.00}");
            post(
                    admin,
                    "/api/v1/referrals",
                    "{\"patientId\":\"" + patient + "\",\"fromClinicId\":\"" + speech + "\",\"toClinicId\":\"" + ot
                            + "\",\"reason\":\"Seed referral\",\"urgency\":\"ROUTINE\"}");
            post(
                    admin,
                    "/api/v1/patients/" + patient + "/consents",
                    "{\"kind\":\"TREATMENT\",\"givenBy\":\"PATIENT\",\"textVersion\":\"v1\"}");
            post(admin, "/api/v1/patients/" + patient + "/files", "{\"centreCode\":\"" + centre + "\"}");
        }
        post(
                admin,
                "/api/v1/users",
                "{\"username\":\"fz" + values.digits(8)
                        + "\",\"fullNameEn\":\"Fuzz User\",\"email\":\"fz" + values.digits(8)
                        + "@test.tenhal.sa\",\"roles\":[\"NURSE\"]}");
        System.out.println("Fuzz seed: " + pools.sizes());
    }

    private RawHttp.Response post(String bearer, String path, String json) throws IOException {
        RawHttp.Response response = http.send(
                "POST",
                path,
                Map.of("Authorization", bearer, "Content-Type", "application/json", "Accept", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
        if (response.status() >= 300) {
            System.out.println(
                    "Fuzz seed: " + path + " answered " + response.status() + " " + shorten(response.text()));
        } else {
            harvest(path.replaceAll("\\?.*", "").replaceAll("/[0-9a-f-]{36}/", "/{id}/"), response);
        }
        return response;
    }

    private static String id(RawHttp.Response response) {
        if (response.status() >= 300) {
            return null;
        }
        JsonNode node = JSON.readTree(response.body());
        if (node.isArray()) {
            node = node.get(0);
        }
        return node.path("id").asString(null);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the verdict

    private void report(String part, int first, long nanos) {
        Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> byCaller = new TreeMap<>();
        int count = 0;
        for (int i = first + 1; i <= sequence; i++) {
            Exchange e = exchanges.get(String.valueOf(i));
            if (e == null) {
                continue;
            }
            count++;
            byOperation.computeIfAbsent(e.operation(), k -> new TreeMap<>()).merge(e.status(), 1, Integer::sum);
            statuses.merge(e.status(), 1, Integer::sum);
            byCaller.merge(e.caller(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        out.append("\n== Fuzz (")
                .append(part)
                .append("): ")
                .append(count)
                .append(" requests, ")
                .append(byOperation.size())
                .append(" operations, seed ")
                .append(SEED)
                .append(", ")
                .append(nanos / 1_000_000)
                .append(" ms\n");
        out.append("statuses: ")
                .append(statuses)
                .append("\ncallers: ")
                .append(byCaller)
                .append('\n');
        byOperation.forEach((operation, counts) -> out.append(String.format(
                "%5d  %-70s %s%n",
                counts.values().stream().mapToInt(Integer::intValue).sum(), operation, counts)));
        out.append("rows changed by fuzz requests (any status), by table: ")
                .append(changes.totals())
                .append('\n');
        System.out.println(out);
    }

    private void assertClean(int first) {
        Set<String> refused = new java.util.HashSet<>();
        for (int i = first + 1; i <= sequence; i++) {
            Exchange e = exchanges.get(String.valueOf(i));
            if (e != null && e.status() >= 400 && e.status() < 500) {
                refused.add(String.valueOf(i));
            }
        }
        List<String> changedOnRefusal = changes.by(refused).stream()
                .map(c -> {
                    Exchange e = exchanges.get(c.request());
                    return e.status() + " for " + e.operation() + " as " + e.caller() + " (" + e.variant() + ", "
                            + shorten(e.target()) + ") changed " + c.rows() + " row(s) of " + c.table() + " ("
                            + c.operation() + ")";
                })
                .toList();
        // ERRORs of this application — the threads that served the requests and its asynchronous listeners — not
        // those of the other tests' contexts, which share the JVM's log (some fail on purpose)
        List<String> errors = log.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .filter(event -> RequestTagging.SERVING_THREADS.contains(event.getThreadName())
                        || event.getThreadName().startsWith(TASKS))
                .map(event -> event.getLoggerName() + ": " + shorten(event.getFormattedMessage())
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " (" + event.getThrowableProxy().getClassName() + ": "
                                        + shorten(String.valueOf(
                                                event.getThrowableProxy().getMessage())) + ")"))
                .distinct()
                .toList();
        log.list.clear();
        failures.forEach(f -> System.out.println("FUZZ FAILURE: " + f));
        changedOnRefusal.forEach(f -> System.out.println("FUZZ CHANGE ON REFUSAL: " + f));
        errors.forEach(f -> System.out.println("FUZZ ERROR LOGGED: " + f));
        List<String> distinctFailures = failures.stream().distinct().collect(Collectors.toList());
        failures.clear();
        assertThat(distinctFailures).as("server errors and wrong error formats").isEmpty();
        assertThat(changedOnRefusal).as("rows changed by refused requests").isEmpty();
        assertThat(errors).as("ERRORs logged while fuzzing").isEmpty();
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
