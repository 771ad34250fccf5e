package sa.tenhal.notifications;

import java.util.regex.Matcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.Waitlist;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.identity.PasswordSetupLinks;
import sa.tenhal.identity.UserId;

/**
 * Mints the secrets of a message's links at the moment it is sent (see {@link SecretLink}); each kind of link belongs
 * to the module that can check it later.
 */
@Component
class SecretLinks {

    private final PasswordSetupLinks passwordSetup;
    // lazily: the delivery job needs these links before the job engine, which the waitlist and confirmations use,
    // exists
    private final ObjectProvider<Waitlist> waitlist;
    private final ObjectProvider<Confirmations> confirmations;

    SecretLinks(
            PasswordSetupLinks passwordSetup,
            ObjectProvider<Waitlist> waitlist,
            ObjectProvider<Confirmations> confirmations) {
        this.passwordSetup = passwordSetup;
        this.waitlist = waitlist;
        this.confirmations = confirmations;
    }

    /** The text with every secret-link placeholder replaced by a freshly minted link (one per placeholder kind). */
    String resolve(String text) {
        if (text == null || !text.contains("{{secret-link:")) {
            return text;
        }
        Matcher m = SecretLink.PLACEHOLDER.matcher(text);
        java.util.Map<String, String> minted = new java.util.HashMap<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            SecretLink link = SecretLink.of(m);
            String url = minted.computeIfAbsent(link.placeholder(), p -> mint(link));
            m.appendReplacement(out, Matcher.quoteReplacement(url));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String mint(SecretLink link) {
        return switch (link.kind()) {
            case "password-setup" -> passwordSetup.mint(new UserId(link.subject()));
            case "waitlist-offer" -> waitlist.getObject().mintLink(link.subject());
            case ConfirmationMessages.LINK_KIND -> confirmations.getObject().mintLink(link.subject());
            default -> throw new IllegalStateException("no one mints links of kind " + link.kind());
        };
    }
}
