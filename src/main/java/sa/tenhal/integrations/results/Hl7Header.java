package sa.tenhal.integrations.results;

/**
 * The MSH fields an acknowledgement needs, read from the raw text so that even a message HAPI cannot parse is answered
 * with its own control id.
 */
record Hl7Header(
        String sendingApplication,
        String sendingFacility,
        String receivingApplication,
        String receivingFacility,
        String messageType,
        String controlId,
        String processingId,
        String version) {

    static final Hl7Header UNKNOWN = new Hl7Header("", "", "", "", "", "", "P", "2.5");

    /** The header of a raw message; {@link #UNKNOWN} (no control id) when it does not start with an MSH segment. */
    static Hl7Header of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String text = raw.stripLeading();
        if (!text.startsWith("MSH") || text.length() < 8) {
            return UNKNOWN;
        }
        char separator = text.charAt(3);
        int end = text.indexOf('\r');
        if (end < 0) {
            end = text.indexOf('\n');
        }
        String msh = end < 0 ? text : text.substring(0, end);
        // MSH-1 is the separator itself: field n is at index n-1 of the split
        String[] f = msh.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        return new Hl7Header(
                at(f, 2),
                at(f, 3),
                at(f, 4),
                at(f, 5),
                at(f, 8),
                at(f, 9),
                at(f, 10).isEmpty() ? "P" : at(f, 10),
                at(f, 11));
    }

    /** Who sent it, as the key of duplicates: {@code mllp:<application>^<facility>}. */
    String source() {
        return "mllp:" + first(sendingApplication) + "^" + first(sendingFacility);
    }

    private static String first(String field) {
        int hat = field.indexOf('^');
        return hat < 0 ? field : field.substring(0, hat);
    }

    private static String at(String[] fields, int index) {
        return index < fields.length ? fields[index].strip() : "";
    }
}
