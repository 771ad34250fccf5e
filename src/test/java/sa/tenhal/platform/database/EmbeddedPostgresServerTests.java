package sa.tenhal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup database keeps its data across restarts, in the directory it was given. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestart() throws Exception {
        var settings = new DatabaseProperties.Embedded(data.resolve("postgres").toString(), 0, true, null);
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(settings))) {
            c.createStatement().execute("create table kept (note text)");
            c.createStatement().execute("insert into kept values ('still here')");
        }
        EmbeddedPostgresServer.stop(settings);

        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(settings));
                ResultSet rs = c.createStatement().executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            EmbeddedPostgresServer.stop(settings);
        }
        assertThat(data.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void theServerHasTheExtensionsTenhalNeeds() throws Exception {
        var settings = new DatabaseProperties.Embedded(data.resolve("ext").toString(), 0, true, null);
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(settings))) {
            c.createStatement().execute("create extension if not exists btree_gist");
            c.createStatement().execute("create extension if not exists pg_trgm");
            ResultSet rs = c.createStatement().executeQuery("show server_version_num");
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
        } finally {
            EmbeddedPostgresServer.stop(settings);
        }
    }
}
