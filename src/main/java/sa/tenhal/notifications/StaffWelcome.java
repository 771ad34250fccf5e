package sa.tenhal.notifications;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.PasswordSetupLinkRequested;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffUserCreated;

/**
 * A new staff user gets a welcome email with a one-time link to set their password (valid 48 hours); an admin can send
 * a user a new link later.
 */
@Component
class StaffWelcome {

    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;

    StaffWelcome(StaffDirectory staff, Recipients recipients, Messages messages) {
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(StaffUserCreated created) {
        staff.find(created.userId())
                .ifPresent(member -> messages.send(new Outgoing(
                        "staff-welcome",
                        "StaffUserCreated:" + created.userId(),
                        recipients.staff(member),
                        List.of(Channel.EMAIL),
                        Map.of(
                                "name", member.fullName(member.language()),
                                "username", member.username(),
                                "link",
                                        new SecretLink(
                                                        "password-setup",
                                                        created.userId().value())
                                                .placeholder(),
                                "needsPassword", created.needsPassword()),
                        true)));
    }

    /** An admin sent the user a new link (the first one expired, or they forgot their password). */
    @ApplicationModuleListener
    void on(PasswordSetupLinkRequested requested) {
        staff.find(requested.userId())
                .ifPresent(member -> messages.send(new Outgoing(
                        "password-setup",
                        "PasswordSetupLinkRequested:" + requested.userId() + ":"
                                + requested.at().toEpochMilli(),
                        recipients.staff(member),
                        List.of(Channel.EMAIL),
                        Map.of(
                                "name", member.fullName(member.language()),
                                "username", member.username(),
                                "link",
                                        new SecretLink(
                                                        "password-setup",
                                                        requested.userId().value())
                                                .placeholder()),
                        true)));
    }
}
