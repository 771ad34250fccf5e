package sa.tenhal.appointments.confirmation;

import java.util.Locale;
import java.util.Set;

/** Reads a patient's reply: 1 (or yes, نعم) confirms, 2 cancels; Arabic-Indic digits count as digits. */
final class ReplyParser {

    enum Answer {
        CONFIRM,
        DECLINE,
        OTHER
    }

    private static final Set<String> YES = Set.of("1", "yes", "y", "نعم", "اي", "ايوه", "confirm", "تأكيد", "تاكيد");
    private static final Set<String> NO = Set.of("2");

    private ReplyParser() {}

    static Answer read(String body) {
        if (body == null) {
            return Answer.OTHER;
        }
        StringBuilder s = new StringBuilder();
        body.strip().codePoints().forEach(c -> {
            if (c >= '٠' && c <= '٩') {
                s.append((char) ('0' + (c - '٠')));
            } else if (c >= '۰' && c <= '۹') {
                s.append((char) ('0' + (c - '۰')));
            } else {
                s.appendCodePoint(c);
            }
        });
        // "1.", "Yes!", "نعم،" read the same as the bare word
        String word = s.toString()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}،؟!.\\s]+$", "")
                .replaceAll("^[\\p{Punct}\\s]+", "")
                .strip();
        if (YES.contains(word)) {
            return Answer.CONFIRM;
        }
        if (NO.contains(word)) {
            return Answer.DECLINE;
        }
        return Answer.OTHER;
    }
}
