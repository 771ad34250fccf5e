package sa.tenhal.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Tenhal keeps its data. With {@code url} empty (no {@code TENHAL_DB_URL}) Tenhal runs its own embedded
 * PostgreSQL.
 *
 * @param url JDBC URL of a PostgreSQL server, e.g. {@code jdbc:postgresql://db:5432/tenhal}
 * @param username user for that server
 * @param password password for that server
 * @param embedded the embedded server's settings
 */
@ConfigurationProperties("tenhal.database")
public record DatabaseProperties(String url, String username, String password, Embedded embedded) {

    public DatabaseProperties {
        if (embedded == null) {
            embedded = new Embedded(null, 0, false, null);
        }
    }

    boolean usesEmbeddedServer() {
        return url == null || url.isBlank();
    }

    /**
     * @param dataDirectory where the embedded server keeps its files; empty means a fresh temporary directory (tests)
     * @param port fixed port, or 0 for any free port
     * @param stopWithJvm stop a server with a data directory when the JVM exits (tests), rather than after the
     *     application has shut down (the default: the pool closes before the database it uses)
     * @param durable {@code true} (the default, also when absent): {@code fsync}, {@code full_page_writes} and
     *     {@code synchronous_commit} on, so that a write the application has answered survives a crash of the
     *     application and its database. {@code false} turns all three off: faster, and an answered write can be lost
     *     or the data directory corrupted by a crash — for tests only ({@code application-test.yml} sets it)
     */
    public record Embedded(String dataDirectory, int port, boolean stopWithJvm, Boolean durable) {

        public Embedded {
            durable = durable == null ? Boolean.TRUE : durable;
        }
    }
}
