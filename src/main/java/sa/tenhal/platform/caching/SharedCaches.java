package sa.tenhal.platform.caching;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Named regions of in-memory caches, cleared on every node when what they hold changes.
 *
 * <p>A change announces its region with {@code pg_notify} inside its own transaction, so the other nodes hear of it
 * exactly when it commits and never of a change that rolled back. Each node listens on a connection of its own
 * (outside the pool); when that connection breaks, notifications may have been missed, so every region is cleared
 * before listening again. Entries also expire after the region's time to live, a bound on staleness should a
 * notification ever be lost anyway.
 */
@Component
public class SharedCaches implements SmartLifecycle {

    static final String CHANNEL = "tenhal_caches";
    private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

    private final Map<String, List<SharedCache<?, ?>>> regions = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    SharedCaches(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A cache in {@code region}, holding at most {@code maximumSize} entries for at most {@code timeToLive} each. */
    public <K, V> SharedCache<K, V> cache(String region, long maximumSize, Duration timeToLive) {
        SharedCache<K, V> cache = new SharedCache<>(Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(timeToLive)
                .<K, V>build());
        regions.computeIfAbsent(region, r -> new CopyOnWriteArrayList<>()).add(cache);
        return cache;
    }

    /**
     * What {@code region} holds is changing in the current transaction (or has just changed, outside one): clear it
     * here now and when the transaction ends, and on every other node when it commits.
     */
    public void changed(String region) {
        clear(region);
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, region);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader may have cached the old rows between the clearing above and the commit
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear(region);
                }
            });
        }
    }

    void clear(String region) {
        regions.getOrDefault(region, List.of()).forEach(SharedCache::clear);
    }

    void clearAll() {
        regions.values().forEach(caches -> caches.forEach(SharedCache::clear));
    }

    // --- listening to the other nodes ---

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "tenhal:cache-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try {
                connection = open();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // whatever changed while nobody listened
                clearAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            clear(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                clearAll();
                if (running) {
                    log.warn("Cache invalidations: listening failed ({}), trying again in 5 s", e.getMessage());
                    sleep(Duration.ofSeconds(5));
                }
            } finally {
                closeQuietly();
            }
        }
    }

    /** A connection of its own, so that listening never holds one of the pool's. */
    private Connection open() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "tenhal-cache-listener");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
