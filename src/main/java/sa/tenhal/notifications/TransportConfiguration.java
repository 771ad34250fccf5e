package sa.tenhal.notifications;

import jakarta.mail.Session;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Real SMTP and Twilio when configured ({@code TENHAL_SMTP_HOST}, {@code TWILIO_ACCOUNT_SID}); the outbox otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class TransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransportConfiguration.class);

    static {
        // Jakarta Mail 2.1 looks its stream provider up with ServiceLoader, scanning every jar, for each message part
        // it
        // builds or parses; naming the provider makes that a plain class lookup (a third of the sending cost
        // otherwise).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Bean
    Transports.Email emailTransport(NotificationProperties properties, Outbox outbox) {
        NotificationProperties.Smtp smtp = properties.smtp();
        if (!smtp.configured()) {
            log.info("Email goes to the outbox page (no SMTP server configured)");
            return new Outbox.Email(outbox);
        }
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.host", smtp.host());
        javaMail.put("mail.smtp.port", String.valueOf(smtp.port()));
        javaMail.put(
                "mail.smtp.auth",
                String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        javaMail.put("mail.mime.charset", "UTF-8");
        String timeout = String.valueOf(smtp.timeout().toMillis());
        javaMail.put("mail.smtp.connectiontimeout", timeout);
        javaMail.put("mail.smtp.timeout", timeout);
        javaMail.put("mail.smtp.writetimeout", timeout);
        for (String imap : new String[] {"mail.imap", "mail.imaps"}) {
            javaMail.put(imap + ".connectiontimeout", timeout);
            javaMail.put(imap + ".timeout", timeout);
        }
        log.info("Email goes through SMTP at {}:{}", smtp.host(), smtp.port());
        if (smtp.journal().configured()) {
            log.info(
                    "Each email is copied to the journal {}, read back after an interrupted send",
                    smtp.journal().address());
        }
        return new SmtpEmail(Session.getInstance(javaMail), smtp, properties.mailFrom());
    }

    @Bean
    Transports.Text textTransport(NotificationProperties properties, Outbox outbox, Templates templates) {
        if (!properties.twilio().configured()) {
            log.info("SMS and WhatsApp go to the outbox page (no Twilio account configured)");
            return new Outbox.Text(outbox);
        }
        log.info("SMS and WhatsApp go through Twilio at {}", properties.twilio().apiUrl());
        return new TwilioText(properties.twilio(), templates.baseUrl());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
