package sa.tenhal.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.TenhalApplication;
import sa.tenhal.shared.Language;

/**
 * 10,000 due notifications (half email, half SMS) through the whole pipeline — delivery log, one db-scheduler job per
 * message, SMTP to GreenMail, Twilio's API on WireMock — measured from the moment the scheduler starts until the last
 * one is SENT; then checked for duplicates on both sides. Not a test: run it with
 * {@code mvn -Pbench -Dbench=sa.tenhal.notifications.NotificationThroughputBenchmark test-compile exec:java}.
 *
 * <p>Emails go to 100 mailboxes, not 5,000: GreenMail finds a recipient's mailbox by scanning all of them, which
 * made the stub, not Tenhal, the bottleneck. Each email is still told apart by its {@code X-Tenhal-Message} header.
 */
public final class NotificationThroughputBenchmark {

    static final int MESSAGES = Integer.getInteger("messages", 10_000);

    public static void main(String[] args) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        WireMockServer twilio = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(32)
                .globalTemplating(true)
                .disableRequestJournal());
        twilio.start();
        Set<String> smsRecipients = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int[] smsRequests = {0};
        twilio.addMockServiceRequestListener((request, response) -> {
            synchronized (smsRequests) {
                smsRequests[0]++;
            }
            smsRecipients.add(request.formParameter("To").firstValue());
        });
        twilio.stubFor(
                post(urlEqualTo("/2010-04-01/Accounts/ACbench/Messages.json"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"sid\":\"SM{{randomValue length=32 type='ALPHANUMERIC'}}\",\"status\":\"queued\"}")));
        String dataDir = java.nio.file.Files.createTempDirectory("tenhal-bench")
                .resolve("postgres")
                .toString();
        ConfigurableApplicationContext app = SpringApplication.run(
                TenhalApplication.class,
                "--server.port=0",
                "--tenhal.demo.enabled=false",
                "--tenhal.database.url=",
                "--tenhal.database.embedded.data-directory=" + dataDir,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                "--tenhal.jobs.execute=false",
                "--tenhal.notifications.smtp.host=127.0.0.1",
                "--tenhal.notifications.smtp.port=" + smtp.getSmtp().getPort(),
                "--tenhal.notifications.smtp.starttls=false",
                "--tenhal.notifications.twilio.account-sid=ACbench",
                "--tenhal.notifications.twilio.auth-token=t",
                "--tenhal.notifications.twilio.sms-from=+15550001111",
                "--tenhal.notifications.twilio.api-url=" + twilio.baseUrl());
        try {
            Messages messages = app.getBean(Messages.class);
            TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long enqueueStart = System.nanoTime();
            for (int batch = 0; batch < MESSAGES / 100; batch++) {
                int first = batch * 100;
                transactions.executeWithoutResult(status -> {
                    for (int i = first; i < first + 100; i++) {
                        boolean email = i % 2 == 0;
                        Recipient to = new Recipient(
                                Recipient.Type.PATIENT,
                                UUID.randomUUID(),
                                "Patient " + i,
                                i % 3 == 0 ? Language.AR : Language.EN,
                                "patient" + (i % 100) + "@bench.example",
                                "+9665" + (10_000_000 + i),
                                EnumSet.of(Channel.EMAIL, Channel.SMS),
                                LocalTime.of(22, 0),
                                LocalTime.of(8, 0));
                        messages.send(new Outgoing(
                                "bench-reminder",
                                "bench:" + i,
                                to,
                                List.of(email ? Channel.EMAIL : Channel.SMS),
                                Map.of("name", to.name(), "detail", "Speech therapy, Sunday 09:00"),
                                true));
                    }
                });
            }
            double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
            System.out.printf(Locale.ROOT, "Queued %,d messages in %.1f s%n", MESSAGES, enqueueSeconds);

            Scheduler scheduler = app.getBean(Scheduler.class);
            long start = System.nanoTime();
            scheduler.start();
            long sent;
            do {
                Thread.sleep(200);
                sent = jdbc.queryForObject(
                        "select count(*) from notification_message where status in ('SENT', 'FAILED')", Long.class);
            } while (sent < MESSAGES && (System.nanoTime() - start) < 600e9);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> stats = jdbc.queryForMap("""
                    select count(*) filter (where status = 'SENT') sent, count(*) filter (where status = 'FAILED') failed,
                           count(*) filter (where channel = 'EMAIL') emails, count(*) filter (where channel = 'SMS') sms,
                           extract(epoch from max(sent_at) - min(sent_at)) span
                      from notification_message""");
            MimeMessage[] mails = smtp.getReceivedMessages();
            Set<String> mailIds = new HashSet<>();
            for (MimeMessage m : mails) {
                mailIds.add(m.getHeader("X-Tenhal-Message")[0]);
            }
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "Delivered %s of %,d in %.1f s: %.0f messages/s (sent_at span %.1f s); failed %s%n",
                    stats.get("sent"),
                    MESSAGES,
                    seconds,
                    ((Number) stats.get("sent")).doubleValue() / seconds,
                    ((Number) stats.get("span")).doubleValue(),
                    stats.get("failed"));
            System.out.printf(
                    Locale.ROOT,
                    "GreenMail received %d emails (%d distinct messages); WireMock received %d SMS requests"
                            + " (%d distinct recipients); expected %s emails and %s SMS%n",
                    mails.length,
                    mailIds.size(),
                    smsRequests[0],
                    smsRecipients.size(),
                    stats.get("emails"),
                    stats.get("sms"));
            System.out.println(
                    mails.length == mailIds.size() && smsRequests[0] == smsRecipients.size()
                            ? "Duplicates: none"
                            : "DUPLICATES FOUND");
        } finally {
            app.close();
            smtp.stop();
            twilio.stop();
        }
    }

    private NotificationThroughputBenchmark() {}
}
