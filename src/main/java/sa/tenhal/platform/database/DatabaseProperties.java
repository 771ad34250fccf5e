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
            embedded = new Embedded(null, 0, false);
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
     */
    public record Embedded(String dataDirectory, int port, boolean stopWithJvm) {}
}
