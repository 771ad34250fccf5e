package sa.tenhal.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The daily reminder of unsigned notes (job {@code unsigned-notes}): every clinician with notes still unsigned from
 * before today gets one reminder a day in their inbox until they are signed. Idempotent: a clinician is reminded once
 * per day however often the job runs.
 */
@Component
public class UnsignedNotesReminder {

    private final VisitStore store;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    UnsignedNotesReminder(
            VisitStore store,
            ClinicCatalog catalog,
            ClinicTime time,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.store = store;
        this.catalog = catalog;
        this.time = time;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Reminds each clinician with unsigned notes from before today; returns how many were reminded. */
    @Transactional
    public int remind() {
        LocalDate today = time.today();
        Instant startOfToday = today.atStartOfDay(time.zone()).toInstant();
        Map<UUID, List<Instant>> unsigned = store.unsignedByProvider(startOfToday);
        var providers = catalog.providers(
                unsigned.keySet().stream().map(ProviderId::new).toList());
        int reminded = 0;
        for (var entry : unsigned.entrySet()) {
            var provider = providers.get(new ProviderId(entry.getKey()));
            if (provider == null || provider.userId() == null) {
                continue;
            }
            UUID user = provider.userId().value();
            int claimed = jdbc.sql("""
                            insert into unsigned_note_reminder (user_id, reminded_on) values (:u, :d)
                            on conflict do nothing
                            """).param("u", user).param("d", today).update();
            if (claimed == 0) {
                continue;
            }
            events.publishEvent(new UnsignedNotesReminderDue(
                    user, entry.getValue().size(), entry.getValue().get(0), today));
            reminded++;
        }
        return reminded;
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringJob unsignedNotes(UnsignedNotesReminder reminder) {
            return new RecurringJob(
                    "unsigned-notes",
                    "0 0 8 * * *",
                    "Reminds each clinician, once a day, of their visit notes still unsigned from before today",
                    reminder::remind);
        }
    }
}
