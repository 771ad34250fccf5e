package sa.tenhal.integrations.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * HL7 v2.5 acknowledgements: {@code AA} accepted (stored, or stored before), {@code AE} an error in the content (the
 * sender should fix and resend), {@code AR} rejected (not a message we take: wrong type, version or no header). The
 * MSA carries the message's control id; an ERR segment says why.
 */
final class Ack {

    static final String AA = "AA";
    static final String AE = "AE";
    static final String AR = "AR";

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private Ack() {}

    static String of(Hl7Header to, String code, String reason, Instant at, String type) {
        StringBuilder b = new StringBuilder();
        b.append("MSH|^~\\&|TENHAL|TENHAL|")
                .append(clean(to.sendingApplication()))
                .append('|')
                .append(clean(to.sendingFacility()))
                .append('|')
                .append(TS.format(at))
                .append("||ACK^")
                .append(type)
                .append("^ACK|")
                .append(UUID.randomUUID().toString().replace("-", "").substring(0, 20))
                .append('|')
                .append(clean(to.processingId()))
                .append("|2.5\r");
        b.append("MSA|").append(code).append('|').append(clean(to.controlId()));
        if (reason != null && !reason.isBlank()) {
            b.append('|').append(text(reason));
        }
        b.append('\r');
        if (!AA.equals(code)) {
            // ERR-3 from table 0357: 100 segment sequence error, 200 unsupported message type, 203 unsupported version,
            // 207 application internal error; ERR-4 severity E
            String condition = AR.equals(code) ? (reason != null && reason.contains("version") ? "203" : "200") : "207";
            b.append("ERR|||")
                    .append(condition)
                    .append("|E||||")
                    .append(text(reason))
                    .append('\r');
        }
        return b.toString();
    }

    /** A field value inside our own message: the delimiters out, so an odd header cannot break the ACK. */
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[|~\\\\&\r\n]", "");
    }

    private static String text(String value) {
        String v = clean(value).replace('^', ' ');
        return v.length() > 200 ? v.substring(0, 200) : v;
    }
}
