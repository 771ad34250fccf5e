package sa.tenhal.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * The zero-setup database: real PostgreSQL binaries started from the classpath. One server per JVM and data directory,
 * shared by every Spring context of that JVM (tests start many contexts; they must not start many servers). The
 * server stops after the application's contexts have closed.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgres> RUNNING = new HashMap<>();

    private EmbeddedPostgresServer() {}

    /** A started server; closing it stops a server that has its own data directory. */
    record Handle(String jdbcUrl, DatabaseProperties.Embedded settings) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (settings.dataDirectory() != null && !settings.dataDirectory().isBlank()) {
                stop(settings);
            }
        }
    }

    /** The server for this data directory, starting it if this JVM has not yet. */
    static synchronized Handle start(DatabaseProperties.Embedded settings) {
        return new Handle(jdbcUrl(settings), settings);
    }

    /** The JDBC URL of the server for this data directory, starting it if this JVM has not yet. */
    static synchronized String jdbcUrl(DatabaseProperties.Embedded settings) {
        String key = settings.dataDirectory() == null ? "" : settings.dataDirectory();
        EmbeddedPostgres server = RUNNING.computeIfAbsent(key, k -> launch(settings));
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Stops this JVM's server for the data directory; the next {@link #jdbcUrl} starts it again. */
    static synchronized void stop(DatabaseProperties.Embedded settings) throws IOException {
        EmbeddedPostgres server = RUNNING.remove(settings.dataDirectory() == null ? "" : settings.dataDirectory());
        if (server != null) {
            server.close();
        }
    }

    private static void stopQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    /**
     * The settings that decide whether a committed transaction survives a crash. zonky's builder starts PostgreSQL with
     * {@code -F} (fsync off) and {@code synchronous_commit=off}, good for throwaway test databases: a commit is answered
     * before its WAL reaches the disk, so killing the server loses it. Settings given with {@code -c} come after
     * {@code -F} on the command line and win, so all three are always named here.
     */
    static Map<String, String> crashSafety(boolean durable) {
        String value = durable ? "on" : "off";
        return Map.of("fsync", value, "full_page_writes", value, "synchronous_commit", value);
    }

    private static EmbeddedPostgres launch(DatabaseProperties.Embedded settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8");
            crashSafety(settings.durable()).forEach(builder::setServerConfig);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            boolean persistent = settings.dataDirectory() != null
                    && !settings.dataDirectory().isBlank();
            if (persistent) {
                Path dir = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            // Never zonky's own JVM hook: JVM hooks run at the same time, so the server would stop while the
            // application's contexts are still closing (and, for example, reading their event publications).
            builder.setRegisterShutdownHook(false);
            EmbeddedPostgres server = builder.start();
            if (!persistent || settings.stopWithJvm()) {
                // A server shared by several contexts (tests) stops after Spring has closed them all; one with a
                // data directory of its own is stopped by its context once the pool has closed (Handle.close).
                SpringApplication.getShutdownHandlers().add(() -> stopQuietly(server));
            }
            String where = persistent ? "data in " + settings.dataDirectory() : "temporary data";
            if (settings.durable()) {
                log.info(
                        "Embedded PostgreSQL on port {} ({}); durable: fsync, full_page_writes and synchronous_commit on",
                        server.getPort(),
                        where);
            } else {
                log.warn(
                        "Embedded PostgreSQL on port {} ({}); NOT durable: fsync, full_page_writes and synchronous_commit"
                                + " off (tenhal.database.embedded.durable=false, for tests only): a crash can lose answered"
                                + " writes",
                        server.getPort(),
                        where);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
