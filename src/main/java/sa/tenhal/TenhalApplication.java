package sa.tenhal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tenhal, a multidisciplinary outpatient clinic platform.
 *
 * <p>Each direct sub-package is an application module (Spring Modulith); see {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenhalApplication {

    public static void main(String[] args) {
        stopCleanlyOnSignals();
        SpringApplication.run(TenhalApplication.class, args);
    }

    /**
     * A stop that was asked for — SIGTERM from systemd, docker or a supervisor, SIGINT from Ctrl-C — is a clean stop:
     * the same graceful shutdown as before (requests in flight finish, jobs release their locks), then exit status 0
     * instead of the JVM's 143 or 130, which {@code mvn spring-boot:run} reported as a BUILD FAILURE.
     */
    @SuppressWarnings("removal")
    private static void stopCleanlyOnSignals() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException | UnsupportedOperationException notOnThisPlatform) {
                // the JVM's own handling stays
            }
        }
    }
}
