package sa.tenhal.platform.jobs.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The schedules of recurring jobs as admins left them (table {@code job_schedule}). */
@Component
class JobScheduleStore {

    record Stored(String name, String cron, boolean customized, boolean paused, String updatedBy, Instant updatedAt) {}

    private final JdbcClient jdbc;

    JobScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the configured default for a job the first time it is seen; an admin's choice is kept. */
    void ensure(String name, String defaultCron, Instant now) {
        jdbc.sql("""
                        insert into job_schedule (name, cron, customized, paused, updated_at)
                        values (:name, :cron, false, false, :now) on conflict (name) do nothing
                        """)
                .param("name", name)
                .param("cron", defaultCron)
                .param("now", Timestamp.from(now))
                .update();
        // Not customised by an admin: follow the configuration (it may have changed since the last start).
        jdbc.sql("update job_schedule set cron = :cron where name = :name and not customized and cron <> :cron")
                .param("name", name)
                .param("cron", defaultCron)
                .update();
    }

    Optional<Stored> find(String name) {
        return jdbc.sql(
                        "select name, cron, customized, paused, updated_by, updated_at from job_schedule where name = :name")
                .param("name", name)
                .query((rs, i) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    List<Stored> all() {
        return jdbc.sql("select name, cron, customized, paused, updated_by, updated_at from job_schedule order by name")
                .query((rs, i) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    void changeCron(String name, String cron, String by, Instant now) {
        jdbc.sql(
                        "update job_schedule set cron = :cron, customized = true, updated_by = :by, updated_at = :now where name = :name")
                .param("cron", cron)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("name", name)
                .update();
    }

    void resetToDefault(String name, String defaultCron, String by, Instant now) {
        jdbc.sql(
                        "update job_schedule set cron = :cron, customized = false, updated_by = :by, updated_at = :now where name = :name")
                .param("cron", defaultCron)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("name", name)
                .update();
    }

    void setPaused(String name, boolean paused, String by, Instant now) {
        jdbc.sql("update job_schedule set paused = :paused, updated_by = :by, updated_at = :now where name = :name")
                .param("paused", paused)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("name", name)
                .update();
    }
}
