package sa.tenhal.background;

import com.github.kagkarlsson.scheduler.Scheduler;
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
            // short enough for the timeout test, long enough for a first request on a busy machine
            "tenhal.notifications.twilio.read-timeout=3s",
            "tenhal.notifications.twilio.connect-timeout=1s",
            "db-scheduler.polling-interval=1s",
            "tenhal.jobs.execute=true"
        })
@AutoConfigureMockMvc
@Import({TestConfig.class, BackgroundTestBeans.class})
public abstract class BackgroundWorkIntegrationTest {

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) throws java.io.IOException {
        // Its own embedded server (when embedded), so that no other test context's jobs meet this one's.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tenhal-background-test");
        registry.add("tenhal.database.embedded.data-directory", () -> dir.resolve("postgres")
                .toString());
        registry.add("tenhal.notifications.smtp.port", Stubs::smtpPort);
        registry.add("tenhal.notifications.twilio.api-url", Stubs.TWILIO::baseUrl);
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Scheduler scheduler;

    @AfterEach
    void realTime() {
        clock.reset();
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
