package sa.tenhal.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.UnusualPatientAccess;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * User activity monitoring: from the audit trail, the staff who read more distinct patients within the last hour than
 * anyone's work needs ({@code tenhal.audit.unusual-patients-per-hour}); administrators are told once per user and
 * clock hour ({@link UnusualPatientAccess}). A copy of the registry taken page by page shows up here within minutes.
 */
@Component
class AccessMonitor {

    private final JdbcClient jdbc;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final int threshold;

    AccessMonitor(
            JdbcClient jdbc,
            ClinicTime time,
            ApplicationEventPublisher events,
            @Value("${tenhal.audit.unusual-patients-per-hour:200}") int threshold) {
        this.jdbc = jdbc;
        this.time = time;
        this.events = events;
        this.threshold = threshold;
    }

    /** A reader and how many distinct patients they read in the window. */
    record Reader(UUID userId, String username, int patients) {}

    /** Looks at the last hour; returns the readers it raised an alert about (none twice in one clock hour). */
    @Transactional
    List<Reader> check() {
        Instant now = time.now();
        Instant since = now.minus(Duration.ofHours(1));
        List<Reader> unusual = jdbc.sql("""
                        select user_id, min(username) as username, count(distinct patient) as patients from (
                            select user_id, username, patient_id as patient from audit_entry
                             where at >= :since and action in ('READ', 'LIST') and user_id is not null
                               and patient_id is not null
                            union all
                            select user_id, username, unnest(patient_ids) from audit_entry
                             where at >= :since and action = 'LIST' and user_id is not null
                               and patient_ids is not null
                        ) reads
                        group by user_id having count(distinct patient) > :threshold
                        """)
                .param("since", Timestamp.from(since))
                .param("threshold", threshold)
                .query((rs, i) -> new Reader(
                        rs.getObject("user_id", UUID.class), rs.getString("username"), rs.getInt("patients")))
                .list();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return unusual.stream()
                .filter(reader -> jdbc.sql("""
                                        insert into unusual_access_alert (user_id, hour_start, patients, raised_at)
                                        values (:user, :hour, :patients, :now) on conflict do nothing
                                        """)
                                .param("user", reader.userId())
                                .param("hour", Timestamp.from(hour))
                                .param("patients", reader.patients())
                                .param("now", Timestamp.from(now))
                                .update()
                        == 1)
                .peek(reader -> events.publishEvent(new UnusualPatientAccess(
                        reader.userId(), reader.username(), reader.patients(), threshold, since, now)))
                .toList();
    }

    /** The recurring job; the monitor is looked up when it runs (the job engine needs its jobs first). */
    @Configuration(proxyBeanMethods = false)
    static class Job {

        static final String NAME = "monitor-patient-access";

        @Bean
        RecurringJob monitorPatientAccess(ObjectProvider<AccessMonitor> monitor) {
            return new RecurringJob(
                    NAME,
                    "0 */10 * * * *",
                    "Tells admins about staff who read unusually many patients' records within an hour",
                    () -> monitor.getObject().check());
        }
    }
}
