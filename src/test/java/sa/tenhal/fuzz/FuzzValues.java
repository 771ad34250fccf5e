package sa.tenhal.fuzz;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import sa.tenhal.shared.NationalId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for the fuzz test from a fixed-seed random source: valid-looking ones from a schema (its type, format, enum,
 * pattern and the property's name, with ids the test has seen created), and hostile ones of every kind a client can
 * send — control characters, huge strings, quotes and escapes, wrong JSON types, impossible numbers, dates and UUIDs,
 * unknown enum values.
 */
final class FuzzValues {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Strings that have broken servers: controls, encodings, quotes, template and path syntax, sizes. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "\u0000",
            "a\u0000b",
            "\u0001\u0002\u001f",
            "x\u007f",
            "\u0085\u009b[31m",
            "\ud800",
            "x\udc00y",
            "%",
            "%00",
            "%25",
            "%ZZ",
            "'",
            "' or '1'='1",
            "'); drop table patient; --",
            "\\",
            "\\u0000",
            "\"",
            "{x}",
            "${x}",
            "#{x}",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "\u202eevil",
            "😀👨‍👩‍👧",
            " ",
            "",
            "\r\n",
            "\t",
            "null",
            "-1",
            "9".repeat(40),
            "a".repeat(5_000),
            "ا".repeat(70_000),
            "a,b;c|d",
            "*",
            "?",
            "&x=1",
            "=");

    static final List<String> HOSTILE_NUMBERS = List.of(
            "-1",
            "0",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e308",
            "-1e308",
            "1e-308",
            "3.141592653589793238462643383279",
            "0.001",
            "99999999999999999999.99");

    static final List<String> HOSTILE_DATES = List.of(
            "2026-02-30",
            "0000-01-01",
            "9999-12-31",
            "+999999999-12-31",
            "-999999999-01-01",
            "2026-13-01",
            "2026-1-1",
            "yesterday",
            "1900-01-01",
            "1800-01-01");

    static final List<String> HOSTILE_INSTANTS = List.of(
            "2026-02-30T09:00:00Z",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z",
            "2026-01-01T09:00:00",
            "2026-01-01T25:00:00Z",
            "1970-01-01T00:00:00Z",
            "2031-01-01T09:00:00+14:00",
            "2031-01-05T09:00:00.123456789Z",
            "2031-01-05T09:07:00Z");

    static final List<String> HOSTILE_TIMES =
            List.of("24:00", "25:61", "-01:00", "9", "09:00:00.999999999", "23:59:59", "00:00", "12:00 PM");

    static final List<String> HOSTILE_UUIDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "01a24551-zzzz-7e31-b9db-cb54df368be2",
            "01a24551d1167e31b9dbcb54df368be2",
            "{01a24551-d116-7e31-b9db-cb54df368be2}");

    private final Random random;
    private final Pools pools;

    FuzzValues(Random random, Pools pools) {
        this.random = random;
        this.pools = pools;
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** The ids and codes of records the test saw created, by collection ({@code patients}, {@code clinics}, …). */
    static final class Pools {
        private final Map<String, List<String>> byCollection = new HashMap<>();

        synchronized void add(String collection, String id) {
            List<String> ids = byCollection.computeIfAbsent(collection, c -> new ArrayList<>());
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }

        synchronized List<String> of(String collection) {
            return List.copyOf(byCollection.getOrDefault(collection, List.of()));
        }

        synchronized Map<String, Integer> sizes() {
            Map<String, Integer> sizes = new java.util.TreeMap<>();
            byCollection.forEach((k, v) -> sizes.put(k, v.size()));
            return sizes;
        }
    }

    /** The pool a property or path variable draws from, by its name ({@code fromClinicId} → {@code clinics}). */
    static String collectionFor(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("ids")) {
            n = n.substring(0, n.length() - 3);
        } else if (n.endsWith("id")) {
            n = n.substring(0, n.length() - 2);
        }
        if (n.endsWith("clinic")) {
            return "clinics";
        }
        if (n.endsWith("provider")) {
            return "providers";
        }
        return switch (n) {
            case "patient", "recipient", "survivor", "merged" -> "patients";
            case "service" -> "services";
            case "room" -> "rooms";
            case "invoice", "originalinvoice" -> "invoices";
            case "payment" -> "payments";
            case "user" -> "users";
            case "definition" -> "package-definitions";
            case "appointment" -> "appointments";
            case "guardian" -> "guardians";
            case "file" -> "files";
            case "consent" -> "consents";
            case "token" -> "tokens";
            case "hours" -> "working-hours";
            case "timeoff" -> "time-off";
            case "rule" -> "referral-rules";
            case "referral" -> "referrals";
            default -> null;
        };
    }

    /** A valid-looking value for a schema, guided by the property's name. */
    JsonNode valid(JsonNode schema, String name, Function<JsonNode, JsonNode> resolve) {
        schema = resolve.apply(schema);
        if (schema == null) {
            return JSON.stringNode("x");
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        switch (type) {
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    JsonNode item = valid(schema.get("items"), singular(name), resolve);
                    if (!contains(array, item)) {
                        array.add(item);
                    }
                }
                return array;
            }
            case "integer" -> {
                return JSON.numberNode(integer(name));
            }
            case "number" -> {
                return JSON.numberNode(new BigDecimal(amount(name)));
            }
            case "boolean" -> {
                return JSON.booleanNode(random.nextBoolean());
            }
            case "string" -> {
                return JSON.stringNode(
                        string(name, format, schema.path("pattern").asString(null)));
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                JsonNode properties = schema.get("properties");
                java.util.Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                if (properties != null) {
                    for (Map.Entry<String, JsonNode> p : properties.properties()) {
                        if (required.contains(p.getKey()) || chance(60)) {
                            object.set(p.getKey(), valid(p.getValue(), p.getKey(), resolve));
                        }
                    }
                }
                return object;
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String name) {
        if (name == null) {
            return null;
        }
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    long integer(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("duration")) {
            return 45;
        }
        if (n.contains("buffer")) {
            return 15;
        }
        if (n.contains("validity")) {
            return 90;
        }
        if (n.equals("page")) {
            return random.nextInt(2);
        }
        if (n.equals("size")) {
            return 1 + random.nextInt(20);
        }
        if (n.contains("version")) {
            return random.nextInt(3);
        }
        return 1 + random.nextInt(5);
    }

    String amount(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("percent")) {
            return String.valueOf(5 + random.nextInt(20));
        }
        return (50 + random.nextInt(400)) + "." + (random.nextBoolean() ? "00" : "50");
    }

    /** A string that satisfies its format and pattern, and looks like what its name asks for. */
    String string(String name, String format, String pattern) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid" -> {
                String collection = collectionFor(n);
                List<String> pool = collection == null ? List.of() : pools.of(collection);
                return !pool.isEmpty() && chance(90)
                        ? pick(pool)
                        : UUID.randomUUID().toString();
            }
            case "date" -> {
                if (n.contains("birth")) {
                    return LocalDate.of(1960 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString();
                }
                return LocalDate.now(RIYADH).plusDays(random.nextInt(60)).toString();
            }
            case "date-time" -> {
                return futureSlot();
            }
            case "time", "time-local", "partial-time" -> {
                return LocalTime.of(8 + random.nextInt(9), random.nextBoolean() ? 0 : 30)
                        .toString();
            }
            case "email" -> {
                return "fz" + Math.abs(random.nextInt()) + "@test.tenhal.sa";
            }
            default -> {}
        }
        if (n.equals("mobile") || n.endsWith("mobile")) {
            return "05" + (random.nextBoolean() ? "5" : "6") + digits(7);
        }
        if (n.contains("phone")) {
            return "+96611" + digits(7);
        }
        if (n.equals("nationality") || n.contains("country")) {
            return "SA";
        }
        if (n.equals("number") || n.contains("identity")) {
            String first = "1" + digits(8);
            return first + NationalId.checkDigitFor(first);
        }
        if (n.equals("cron")) {
            return "0 0 9 * * *";
        }
        if (n.contains("password")) {
            return "fuzz-password-" + digits(6);
        }
        if (n.equals("centre") || n.equals("centrecode") || n.equals("code") && pattern == null) {
            List<String> centres = pools.of("centres");
            return centres.isEmpty() ? "RYD" : pick(centres);
        }
        if (n.equals("centrecode")) {
            List<String> centres = pools.of("centres");
            return centres.isEmpty() ? "RYD" : pick(centres);
        }
        if (n.equals("sort")) {
            return null;
        }
        if (n.equals("language")) {
            return random.nextBoolean() ? "AR" : "EN";
        }
        if (n.endsWith("ar")) {
            return "نص " + letters(4);
        }
        if (pattern != null) {
            return Patterns.sample(pattern, random);
        }
        return "Fuzz " + letters(6);
    }

    /** A start time a provider could work: a Sunday two to eight weeks ahead, 08:00 to 15:45 Riyadh, on the quarter. */
    String futureSlot() {
        LocalDate sunday = LocalDate.now(RIYADH)
                .plusWeeks(2 + random.nextInt(6))
                .with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .plusDays(random.nextInt(5));
        return sunday.atTime(8 + random.nextInt(8), 15 * random.nextInt(4))
                .atZone(RIYADH)
                .toInstant()
                .toString();
    }

    String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** A hostile replacement for a value of the given schema: its own kind of trouble, or any other. */
    JsonNode hostile(JsonNode schema) {
        String type = schema == null ? "string" : schema.path("type").asString("object");
        String format = schema == null ? "" : schema.path("format").asString("");
        int kind = random.nextInt(10);
        if (kind < 2) {
            return wrongType(type);
        }
        if (schema != null && schema.has("enum") && kind < 5) {
            String any = schema.get("enum").get(0).asString();
            return JSON.stringNode(pick(List.of("ZZZ", any.toLowerCase(Locale.ROOT), any + " ", "", any + "\u0000")));
        }
        return switch (format) {
            case "uuid" -> JSON.stringNode(kind < 6 ? pick(HOSTILE_UUIDS) : pick(HOSTILE_STRINGS));
            case "date" -> JSON.stringNode(kind < 7 ? pick(HOSTILE_DATES) : pick(HOSTILE_STRINGS));
            case "date-time" -> JSON.stringNode(kind < 7 ? pick(HOSTILE_INSTANTS) : pick(HOSTILE_STRINGS));
            case "time", "time-local", "partial-time" ->
                JSON.stringNode(kind < 7 ? pick(HOSTILE_TIMES) : pick(HOSTILE_STRINGS));
            default ->
                switch (type) {
                    case "integer", "number" -> JSON.numberNode(new BigDecimal(pick(HOSTILE_NUMBERS)));
                    case "array" -> {
                        ArrayNode array = JSON.arrayNode();
                        if (kind < 5) {
                            for (int i = 0; i < 3; i++) {
                                array.add(pick(HOSTILE_STRINGS));
                            }
                        } else if (kind < 7) {
                            array.addNull();
                        } else {
                            for (int i = 0; i < 5_000; i++) {
                                array.add(UUID.randomUUID().toString());
                            }
                        }
                        yield array;
                    }
                    case "object" -> JSON.objectNode().put("\u0000", pick(HOSTILE_STRINGS));
                    default -> JSON.stringNode(pick(HOSTILE_STRINGS));
                };
        };
    }

    JsonNode wrongType(String type) {
        List<JsonNode> all = List.of(
                JSON.numberNode(42),
                JSON.numberNode(new BigDecimal("-1e400")),
                JSON.stringNode("forty-two"),
                JSON.booleanNode(true),
                JSON.nullNode(),
                JSON.arrayNode().add(1).add("x"),
                JSON.objectNode().put("a", "b"));
        JsonNode picked;
        do {
            picked = pick(all);
        } while (type.equals(kindOf(picked)));
        return picked;
    }

    private static String kindOf(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        return node.isObject() ? "object" : "null";
    }

    /** A hostile query or path value (text: the query string carries no JSON types). */
    String hostileText(JsonNode schema) {
        JsonNode value = hostile(schema);
        return value.isString() ? value.asString() : value.toString();
    }

    /** Generates strings that match the simple patterns the API declares ({@code [A-Z0-9-]{2,10}}, {@code 3\d{13}3}). */
    static final class Patterns {
        private Patterns() {}

        static String sample(String pattern, Random random) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                String alphabet;
                char c = pattern.charAt(i);
                if (c == '^' || c == '$') {
                    i++;
                    continue;
                }
                if (c == '[') {
                    int end = pattern.indexOf(']', i + 1);
                    alphabet = expand(pattern.substring(i + 1, end));
                    i = end + 1;
                } else if (c == '\\' && i + 1 < pattern.length()) {
                    char e = pattern.charAt(i + 1);
                    alphabet = e == 'd' ? "0123456789" : String.valueOf(e);
                    i += 2;
                } else if (c == '.') {
                    alphabet = "abcdefghijklmnopqrstuvwxyz";
                    i++;
                } else {
                    alphabet = String.valueOf(c);
                    i++;
                }
                int min = 1;
                int max = 1;
                if (i < pattern.length() && pattern.charAt(i) == '{') {
                    int end = pattern.indexOf('}', i);
                    String[] bounds = pattern.substring(i + 1, end).split(",");
                    min = Integer.parseInt(bounds[0].trim());
                    max = bounds.length > 1 && !bounds[1].isBlank() ? Integer.parseInt(bounds[1].trim()) : min;
                    i = end + 1;
                } else if (i < pattern.length() && (pattern.charAt(i) == '+' || pattern.charAt(i) == '*')) {
                    min = pattern.charAt(i) == '+' ? 1 : 0;
                    max = 6;
                    i++;
                } else if (i < pattern.length() && pattern.charAt(i) == '?') {
                    min = 0;
                    i++;
                }
                int n = min + random.nextInt(Math.min(max, min + 6) - min + 1);
                for (int k = 0; k < n; k++) {
                    out.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            return out.toString();
        }

        private static String expand(String set) {
            StringBuilder alphabet = new StringBuilder();
            for (int i = 0; i < set.length(); i++) {
                char c = set.charAt(i);
                if (c == '\\' && i + 1 < set.length()) {
                    char e = set.charAt(++i);
                    alphabet.append(e == 'd' ? "0123456789" : String.valueOf(e));
                } else if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    for (char x = c; x <= set.charAt(i + 2); x++) {
                        alphabet.append(x);
                    }
                    i += 2;
                } else {
                    alphabet.append(c);
                }
            }
            return alphabet.toString();
        }
    }
}
