package sa.tenhal.integrations.outbound;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of the durable listeners that call a partner: one small pool per partner, named in the listener's
 * {@code @Async}, beside the pool every other durable listener shares (platform.events.EventsConfiguration, the node's
 * cores + 1). A partner call may wait for its read timeout — 20 s for ZATCA, 55 s for NPHIES — and on the shared pool
 * three such calls stopped every other listener on the node for that long: a ZATCA outage held up the booking's
 * messages, the referrals and the care team's notices behind each invoice issued. On pools of their own a slow partner
 * delays only its own submissions; their publications wait, stored, and none is lost.
 *
 * <p>The pools are beans only for their names ({@code defaultCandidate = false}): they are never injected by type, and
 * Spring Boot's application task executor, the shared pool, stays what an unqualified {@code @Async} and Spring MVC use.
 * Each thread may hold a database connection for the length of a call (the submission row stays locked while it waits),
 * so the sizes are kept small. NPHIES's calls from these threads count against its {@link Bulkhead} (8 calls in flight,
 * request threads included), so with the default of 2 every partner hanging at once holds 8 + 2 + 2 = 12 connections of
 * the pool's 20.
 */
@Configuration(proxyBeanMethods = false)
public class PartnerListeners {

    /** Reporting and clearing invoices. */
    public static final String ZATCA = "zatcaListenerThreads";

    /** Claims and prior authorisations. */
    public static final String NPHIES = "nphiesListenerThreads";

    /** Orders sent to the lab and imaging centres. */
    public static final String RESULTS = "resultsListenerThreads";

    private final int threads;

    PartnerListeners(@Value("${tenhal.integrations.listener-threads:2}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "tenhal.integrations.listener-threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    @Bean(name = ZATCA, defaultCandidate = false)
    ThreadPoolTaskExecutor zatcaListenerThreads() {
        return pool("zatca-listener-");
    }

    @Bean(name = NPHIES, defaultCandidate = false)
    ThreadPoolTaskExecutor nphiesListenerThreads() {
        return pool("nphies-listener-");
    }

    @Bean(name = RESULTS, defaultCandidate = false)
    ThreadPoolTaskExecutor resultsListenerThreads() {
        return pool("results-listener-");
    }

    private ThreadPoolTaskExecutor pool(String prefix) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(prefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        // shut down as the shared pool is: a call cut short leaves its publication incomplete, run again after restart
        return pool;
    }
}
