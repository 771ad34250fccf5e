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

    /**
     * What a stored text looks like once sent: the text itself, each placeholder standing for whatever link was minted
     * for it (a link has no spaces). Used to recognise a message the provider holds from an earlier attempt, whose links
     * were minted then.
     */
    static Pattern sentForm(String stored) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(stored);
        int from = 0;
        while (m.find()) {
            regex.append(Pattern.quote(stored.substring(from, m.start()))).append("\\S+");
            from = m.end();
        }
        regex.append(Pattern.quote(stored.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
