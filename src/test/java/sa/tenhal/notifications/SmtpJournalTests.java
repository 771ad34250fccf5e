package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP journal: every email also goes blind to a mailbox the clinic owns, and after an interrupted attempt that
 * mailbox says whether the server accepted the message, so an email is never sent twice (GreenMail: SMTP and IMAP).
 */
class SmtpJournalTests {

    static final String JOURNAL = "journal@clinic.test";

    GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        server.start();
        server.setUser(JOURNAL, "journal", "secret");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    SmtpEmail email(boolean journal) {
        var smtp = new NotificationProperties.Smtp(
                "127.0.0.1",
                server.getSmtp().getPort(),
                null,
                null,
                false,
                Duration.ofSeconds(5),
                journal
                        ? new NotificationProperties.Journal(
                                JOURNAL, null, server.getImap().getPort(), "journal", "secret", null, false)
                        : null);
        Properties mail = new Properties();
        mail.put("mail.smtp.host", "127.0.0.1");
        mail.put("mail.imap.connectiontimeout", "5000");
        mail.put("mail.imap.timeout", "5000");
        return new SmtpEmail(Session.getInstance(mail), smtp, "Tenhal <no-reply@tenhal.test>");
    }

    static LoggedMessage logged(UUID id) {
        Instant now = Instant.now();
        return new LoggedMessage(
                id,
                "test",
                "test:1",
                "PATIENT",
                UUID.randomUUID(),
                Channel.EMAIL,
                "reem@example.test",
                "en",
                "Your appointment",
                "<p>hello</p>",
                false,
                MessageStatus.SENDING,
                2,
                null,
                "smtp",
                null,
                null,
                now,
                now,
                now,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aMessageTheServerAcceptedIsFoundInTheJournalAndOneItNeverGotIsNot() throws Exception {
        SmtpEmail email = email(true);
        assertThat(email.canTell()).isTrue();
        UUID sent = UUID.randomUUID();
        String providerId =
                email.send(sent, "reem@example.test", "Your appointment", "<p>hello</p>", "hello", List.of());

        assertThat(email.accepted(logged(sent), id -> false))
                .hasValueSatisfying(a -> assertThat(a.providerId()).isEqualTo(providerId));
        assertThat(email.accepted(logged(UUID.randomUUID()), id -> false)).isEmpty();

        // the patient's copy does not show the journal
        MimeMessage received = server.getReceivedMessagesForDomain("example.test")[0];
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getMessageID()).isEqualTo(providerId);
        email.destroy();
    }

    @Test
    void aJournalThatCannotBeReadIsARetryableFailureNotABlindResend() {
        SmtpEmail email = email(true);
        server.stop();
        assertThatThrownBy(() -> email.accepted(logged(UUID.randomUUID()), id -> false))
                .isInstanceOfSatisfying(
                        DeliveryFailure.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void withoutAJournalSmtpCannotTell() throws Exception {
        SmtpEmail email = email(false);
        assertThat(email.canTell()).isFalse();
        UUID sent = UUID.randomUUID();
        email.send(sent, "reem@example.test", "Your appointment", "<p>hello</p>", "hello", List.of());
        assertThat(email.accepted(logged(sent), id -> false)).isEmpty();
        assertThat(server.getReceivedMessages()).hasSize(1);
        email.destroy();
    }
}
