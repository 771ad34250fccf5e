package sa.tenhal.notifications;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link with a secret in it (set-password, confirmation). Messages are stored with a placeholder instead, and the
 * secret is minted only when the message is sent, so that the database never holds a usable link.
 */
record SecretLink(String kind, UUID subject) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{secret-link:([a-z-]+):([0-9a-f-]{36})}}");

    String placeholder() {
        return "{{secret-link:" + kind + ":" + subject + "}}";
    }

    static SecretLink of(Matcher m) {
        return new SecretLink(m.group(1), UUID.fromString(m.group(2)));
    }
}
