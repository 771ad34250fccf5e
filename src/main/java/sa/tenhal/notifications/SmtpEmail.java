package sa.tenhal.notifications;

import jakarta.activation.FileTypeMap;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email through an SMTP server: HTML with a plain-text part. Each sending thread keeps its SMTP connection open
 * between messages (a new session per message costs more than the message). A 5xx answer is permanent; the rest is
 * retried.
 *
 * <p>SMTP cannot say whether a server accepted a message before the connection broke. With a journal configured
 * ({@link NotificationProperties.Journal}) every email also goes, blind, to a mailbox the clinic owns, which the server
 * fills in the same step in which it accepts the message; after an interrupted attempt the journal is searched for the
 * message's {@code Message-ID} over IMAP, and a message found there is not sent again. Without a journal an interrupted
 * message is sent again — as itself: its {@code Message-ID} is made from Tenhal's message id ({@link #messageId}), the
 * same on every attempt, so that mail systems and readers can recognise the second copy.
 */
class SmtpEmail implements Transports.Email, DisposableBean {

    private final Session session;
    private final NotificationProperties.Smtp smtp;
    private final String from;
    private final ThreadLocal<Transport> connection = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    /**
     * Spring's helper reads every {@code mime.types} on the class path for each message it builds (a new file-type map
     * each time); one map, read once, serves them all.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {
        private static final FileTypeMap TYPES = types();

        private static FileTypeMap types() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    /** A message whose {@code Message-ID} is the one given, whatever {@code saveChanges} would make up. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private final String domain;

    SmtpEmail(Session session, NotificationProperties.Smtp smtp, String from) {
        this.session = session;
        this.smtp = smtp;
        this.from = from;
        this.domain = domainOf(from);
    }

    /** The {@code Message-ID} of Tenhal's message on every attempt: {@code <tenhal.<id>@<the From's domain>>}. */
    String messageId(UUID messageId) {
        return "<tenhal." + messageId + "@" + domain + ">";
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            return at < 0 || at == address.length() - 1 ? "tenhal.local" : address.substring(at + 1);
        } catch (AddressException e) {
            return "tenhal.local";
        }
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(
            UUID messageId, String to, String subject, String html, String text, List<Attachment> attachments)
            throws DeliveryFailure {
        MimeMessage message;
        try {
            message = new FixedIdMessage(session, messageId(messageId));
            MimeMessageHelper helper = new SharedTypesHelper(message);
            helper.setFrom(from);
            helper.setTo(to);
            if (smtp.journal().configured()) {
                // Bcc: an envelope recipient only; the header itself is not transmitted
                helper.addBcc(smtp.journal().address());
            }
            helper.setSubject(subject);
            helper.setText(text, html);
            for (Attachment a : attachments) {
                helper.addAttachment(a.filename(), new ByteArrayResource(a.content()), a.contentType());
            }
            message.setHeader("X-Tenhal-Message", messageId.toString());
            message.saveChanges();
        } catch (MessagingException e) {
            throw DeliveryFailure.permanent("the email could not be built: " + e.getMessage(), e);
        }
        try {
            connection().sendMessage(message, message.getAllRecipients());
            return message.getMessageID();
        } catch (MessagingException e) {
            drop();
            throw new DeliveryFailure("SMTP: " + e.getMessage(), !permanent(e), e);
        }
    }

    @Override
    public boolean canTell() {
        return smtp.journal().configured();
    }

    /**
     * Whether the server accepted this message on an earlier attempt: its copy is in the journal. A journal that cannot
     * be read right now is a retryable failure, so that the message is not sent blind.
     */
    @Override
    public Optional<Transports.Accepted> accepted(LoggedMessage message, Predicate<String> recorded)
            throws DeliveryFailure {
        NotificationProperties.Journal journal = smtp.journal();
        if (!journal.configured()) {
            return Optional.empty();
        }
        String id = messageId(message.id());
        Store store = null;
        try {
            store = session.getStore(journal.ssl() ? "imaps" : "imap");
            String host = journal.imapHost() == null || journal.imapHost().isBlank() ? smtp.host() : journal.imapHost();
            store.connect(host, journal.imapPort(), journal.username(), journal.password());
            Folder folder = store.getFolder(journal.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new HeaderTerm("Message-ID", id)).length > 0
                        ? Optional.of(new Transports.Accepted(id, null))
                        : Optional.empty();
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw DeliveryFailure.retryable("the SMTP journal could not be read: " + e.getMessage(), e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // closing after a failure
                }
            }
        }
    }

    /** This thread's open connection, reconnecting when the server closed it. */
    private Transport connection() throws MessagingException {
        Transport transport = connection.get();
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        drop();
        transport = session.getTransport("smtp");
        transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
        connection.set(transport);
        open.add(transport);
        return transport;
    }

    private void drop() {
        Transport transport = connection.get();
        connection.remove();
        if (transport != null) {
            open.remove(transport);
            close(transport);
        }
    }

    @Override
    public void destroy() {
        open.forEach(SmtpEmail::close);
        open.clear();
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a broken connection
        }
    }

    private static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPSendFailedException smtp) {
                return smtp.getReturnCode() >= 500;
            }
            if (t instanceof SendFailedException sendFailed
                    && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
