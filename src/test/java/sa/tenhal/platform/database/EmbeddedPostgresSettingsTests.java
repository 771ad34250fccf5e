package sa.tenhal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded PostgreSQL is crash-safe as Tenhal ships it, and fast only where the test profile says so: each
 * configuration is bound the way Spring binds it, a server is started with what it says, and the server is asked.
 * (Plain servers of their own, so the answer does not depend on which server the test JVM shares, nor on
 * {@code TENHAL_DB_URL}.)
 */
class EmbeddedPostgresSettingsTests {

    static final String[] CRASH_SAFETY = {"fsync", "full_page_writes", "synchronous_commit"};

    @TempDir
    Path data;

    @Test
    void theApplicationsDefaultIsDurable() throws Exception {
        DatabaseProperties.Embedded settings = bound("application.yml");
        assertThat(settings.durable()).isTrue();
        assertThat(serverSettings(settings, "default"))
                .containsEntry("fsync", "on")
                .containsEntry("full_page_writes", "on")
                .containsEntry("synchronous_commit", "on");
    }

    @Test
    void leftOutMeansDurable() {
        assertThat(new DatabaseProperties(null, null, null, null).embedded().durable())
                .isTrue();
        assertThat(new DatabaseProperties.Embedded("x", 0, false, null).durable())
                .isTrue();
    }

    @Test
    void theTestProfileIsFastAsItSays() throws Exception {
        DatabaseProperties.Embedded settings = bound("application.yml", "application-test.yml");
        assertThat(settings.durable()).isFalse();
        assertThat(serverSettings(settings, "test-profile"))
                .containsEntry("fsync", "off")
                .containsEntry("full_page_writes", "off")
                .containsEntry("synchronous_commit", "off");
    }

    /** The embedded server's settings as Spring binds them from these files (later files win, as profiles do). */
    static DatabaseProperties.Embedded bound(String... files) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            for (PropertySource<?> source : loader.load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addFirst(source);
            }
        }
        return Binder.get(environment)
                .bind("tenhal.database", DatabaseProperties.class)
                .get()
                .embedded();
    }

    /** Starts a server with these settings (in a directory of its own) and asks it for its crash-safety settings. */
    Map<String, String> serverSettings(DatabaseProperties.Embedded settings, String name) throws Exception {
        var own = new DatabaseProperties.Embedded(data.resolve(name).toString(), 0, true, settings.durable());
        Map<String, String> shown = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(own))) {
            for (String setting : CRASH_SAFETY) {
                try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
                    rs.next();
                    shown.put(setting, rs.getString(1));
                }
            }
        } finally {
            EmbeddedPostgresServer.stop(own);
        }
        return shown;
    }
}
