package sa.tenhal.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An approved WhatsApp template as a message goes (Twilio's Content API): its content SID and the values of its
 * variables ({@code "1"}, {@code "2"}, …). Values may hold a secret link's placeholder, minted at sending.
 */
record WhatsappContent(String contentSid, Map<String, String> variables) {

    WhatsappContent {
        variables = new LinkedHashMap<>(variables);
    }

    /** The variables as Twilio's {@code ContentVariables} JSON. */
    String variablesJson() {
        StringBuilder json = new StringBuilder("{");
        for (var e : variables.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return json.append('}').toString();
    }

    /** Reads back what {@link #variablesJson} wrote (the delivery log keeps it). */
    static WhatsappContent of(String contentSid, String json) {
        Map<String, String> variables = new LinkedHashMap<>();
        int i = json.indexOf('{') + 1;
        while (true) {
            int keyStart = json.indexOf('"', i);
            if (keyStart < 0) {
                break;
            }
            StringBuilder key = new StringBuilder();
            i = unquote(json, keyStart, key);
            int valueStart = json.indexOf('"', json.indexOf(':', i));
            StringBuilder value = new StringBuilder();
            i = unquote(json, valueStart, value);
            variables.put(key.toString(), value.toString());
        }
        return new WhatsappContent(contentSid, variables);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Reads the JSON string starting at the quote at {@code start} into {@code out}; returns the index after it. */
    private static int unquote(String json, int start, StringBuilder out) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                char e = json.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return i;
    }
}
