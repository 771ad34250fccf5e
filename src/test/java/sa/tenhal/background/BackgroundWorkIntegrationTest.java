package sa.tenhal.background;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.tenhal.MutableClock;
import sa.tenhal.TestConfig;

/**
 * Tests of background work against real components: the db-scheduler engine on PostgreSQL, GreenMail as SMTP and
 * WireMock as Twilio. One Spring context for all of them (its own, because its transports are not the outbox).
 * Time moves only when a test moves the clock; {@link #runDueJobs()} then asks the scheduler to look at once.
 */
@SpringBootTest(
        properties = {
            "tenhal.base-url=http://tenhal.test",
            "tenhal.notifications.smtp.host=127.0.0.1",
            "tenhal.notifications.smtp.starttls=false",
            "tenhal.notifications.twilio.account-sid=ACtest",
            "tenhal.notifications.twilio.auth-token=twilio-auth-token",
            "tenhal.notifications.twilio.sms-from=+15550001111",
            "tenhal.notifications.twilio.whatsapp-from=+15550002222",
            // long enough for any answer of the stub on a machine busy with other builds (3 s was not: a slow first
            // answer timed out and was sent again); the timeout test's stub holds its answer far longer
            "tenhal.notifications.twilio.read-timeout=15s",
            "tenhal.notifications.twilio.connect-timeout=1s",
            // an approved WhatsApp template for the test message in English (OneChannelIntegrationTests)
            "tenhal.notifications.whatsapp-templates.test-message.en.content-sid=HX0123456789abcdef0123456789abcdef",
            "tenhal.notifications.whatsapp-templates.test-message.en.variables=name,detail",
            "db-scheduler.polling-interval=1s",
            "tenhal.jobs.execute=true"
        })
@AutoConfigureMockMvc
@Import({TestConfig.class, BackgroundTestBeans.class})
public abstract class BackgroundWorkIntegrationTest {

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) throws java.io.IOException, SQLException {
        // Its own database, so that no other test context's jobs meet this one's: this context's scheduler runs every
        // due job in its database by its own clock, which the tests move days ahead. On the shared database it ran the
        // other contexts' jobs too (their messages, orders, claims) and a reminder waited behind them (CI, PG pass).
        String server = System.getenv("TENHAL_DB_URL");
        if (server == null || server.isBlank()) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tenhal-background-test");
            registry.add("tenhal.database.embedded.data-directory", () -> dir.resolve("postgres")
                    .toString());
        } else {
            String own = ownDatabase(server);
            registry.add("tenhal.database.url", () -> own);
        }
        registry.add("tenhal.notifications.smtp.port", Stubs::smtpPort);
        registry.add("tenhal.notifications.twilio.api-url", Stubs.TWILIO::baseUrl);
    }

    /** A fresh database on the configured server beside the shared one; the previous run's is dropped first. */
    static String ownDatabase(String server) throws SQLException {
        String name = "tenhal_background_test";
        String user = System.getenv().getOrDefault("TENHAL_DB_USER", "tenhal");
        String password = System.getenv().getOrDefault("TENHAL_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        // jdbc:postgresql://host:port/database?options: the same server and options, the other database
        return server.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Scheduler scheduler;

    @AfterEach
    void realTime() {
        clock.reset();
        // a test that paused the scheduler and failed before resuming it leaves the others a working one
        scheduler.resume();
    }

    /** Moves the clock and lets the scheduler pick up what has become due. */
    protected void advance(Duration by) {
        clock.advance(by);
        runDueJobs();
    }

    protected void runDueJobs() {
        scheduler.triggerCheckForDueExecutions();
    }

    protected Instant now() {
        return clock.instant();
    }
}
