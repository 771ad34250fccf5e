package sa.tenhal.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: a record's ETag is its version in quotes; an update names the version it read in
 * {@code If-Match}. A missing header is 428, a malformed one 400, a stale one 412.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Parses {@code If-Match} into the version the client read. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        Matcher m = ETAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new MalformedVersionException(ifMatch);
        }
        return Long.parseLong(m.group(1));
    }

    /** Refuses the change when the record moved on since the client read it. */
    public static void check(String what, long expected, long current) {
        if (expected != current) {
            throw new StaleVersionException(what, current);
        }
    }

    static final class VersionRequiredException extends ProblemException {
        VersionRequiredException() {
            super(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "version-required",
                    "If-Match required",
                    "Send the record's ETag in If-Match so that a concurrent change is not overwritten");
        }
    }

    static final class MalformedVersionException extends ProblemException {
        MalformedVersionException(String value) {
            super(
                    HttpStatus.BAD_REQUEST,
                    "malformed-version",
                    "Malformed If-Match",
                    "If-Match must be an ETag such as \"3\"");
            with("field", "If-Match");
        }
    }
}
