package sa.tenhal.platform.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.TenhalIntegrationTest;

/**
 * Caches stay coherent: a change clears its region on this node at once and again when its transaction ends, and on
 * another node (a second {@link SharedCaches} on the same database) when it commits, never when it rolls back.
 */
@TenhalIntegrationTest
class SharedCachesIntegrationTests {

    @Autowired
    SharedCaches caches;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    SharedCaches otherNode;

    @BeforeEach
    void startAnotherNode() {
        otherNode = new SharedCaches(jdbc, dataSource);
        otherNode.start();
    }

    @AfterEach
    void stopIt() {
        otherNode.stop();
    }

    @Test
    void aChangeClearsItsRegionHereAtOnceAndAgainWhenItsTransactionEnds() {
        SharedCache<String, String> here = caches.cache("test-here", 10, Duration.ofMinutes(1));
        SharedCache<String, String> elsewhere = caches.cache("test-elsewhere", 10, Duration.ofMinutes(1));
        here.put("k", "old", here.generation());
        elsewhere.put("k", "kept", elsewhere.generation());

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            caches.changed("test-here");
            assertThat(here.getIfPresent("k")).isNull();
            // a reader on this node caches the old rows before the change commits
            here.put("k", "old again", here.generation());
        });

        assertThat(here.getIfPresent("k")).isNull();
        assertThat(elsewhere.getIfPresent("k")).isEqualTo("kept");
    }

    @Test
    void anotherNodeClearsTheRegionWhenTheChangeCommitsAndNotWhenItRollsBack() {
        SharedCache<String, String> there = otherNode.cache("test-nodes", 10, Duration.ofMinutes(1));
        // the other node listens once a change made outside a transaction reaches it
        there.put("k", "v", there.generation());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    caches.changed("test-nodes");
                    assertThat(there.getIfPresent("k")).isNull();
                });
        // let the last of those notifications arrive before the entry is put again
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);

        there.put("k", "v", there.generation());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            caches.changed("test-nodes");
            status.setRollbackOnly();
        });
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(there.getIfPresent("k")).isEqualTo("v"));

        tx.executeWithoutResult(status -> {
            caches.changed("test-nodes");
            // not before the commit
            assertThat(there.getIfPresent("k")).isEqualTo("v");
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(there.getIfPresent("k")).isNull());
    }

    @Test
    void aValueLoadedWhileItsRegionWasClearedIsUsedButNotKept() {
        SharedCache<String, String> cache = caches.cache("test-race", 10, Duration.ofMinutes(1));

        String loaded = cache.get("k", k -> {
            caches.clear("test-race"); // a change committed during the load
            return "maybe old";
        });

        assertThat(loaded).isEqualTo("maybe old");
        assertThat(cache.getIfPresent("k")).isNull();
        assertThat(cache.get("k", k -> "new")).isEqualTo("new");
        assertThat(cache.getIfPresent("k")).isEqualTo("new");
    }
}
