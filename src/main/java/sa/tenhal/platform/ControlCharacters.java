package sa.tenhal.platform;

/**
 * The characters no text that a person types contains, refused wherever text enters Tenhal (query and form
 * parameters, path variables, JSON strings, imported files):
 *
 * <ul>
 *   <li>C0 controls (U+0000–U+001F) except tab, line feed and carriage return, which notes and addresses may hold.
 *       PostgreSQL cannot store U+0000 at all; the others are invisible and make lookups and exports lie.
 *   <li>DEL (U+007F) and the C1 controls (U+0080–U+009F): they come only from bytes decoded in the wrong character set
 *       or from attempts at terminal escapes (U+009B is a one-character CSI) in the logs and files that show text.
 *   <li>Surrogates that are not part of a pair: UTF-8 cannot encode them, so the driver would store {@code ?} in their
 *       place and the text would silently change on its way into the database.
 * </ul>
 *
 * Bidirectional marks (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) stay allowed: Arabic text uses them.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The index of the first refused character in {@code text}, or -1 if there is none (or {@code text} is null). */
    public static int firstRefused(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a proper pair: one character outside the Basic Multilingual Plane
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code text} holds a refused character. */
    public static boolean present(CharSequence text) {
        return firstRefused(text) >= 0;
    }

    /**
     * Why {@code text} is refused, naming the first refused character by its code point and never echoing the text
     * (it may be long, or a patient's data); null when nothing in it is refused.
     */
    public static String reason(CharSequence text) {
        int at = firstRefused(text);
        if (at < 0) {
            return null;
        }
        return String.format(
                "contains a control character (U+%04X at position %d), which is not allowed",
                (int) text.charAt(at), at);
    }
}
