package sa.tenhal;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Event publications as an earlier version left them, for the tests of a migration that hands them to the listeners of
 * this one: stored failed once (waiting to be tried again), the migration's script run again (it touches only such
 * publications), then resubmitted as the recurring job would.
 */
public record OlderPublications(
        JdbcClient jdbc, EventSerializer serializer, DataSource dataSource, FailedEventPublications failed) {

    public static OlderPublications in(ApplicationContext context) {
        return new OlderPublications(
                context.getBean(JdbcClient.class),
                context.getBean(EventSerializer.class),
                context.getBean(DataSource.class),
                context.getBean(FailedEventPublications.class));
    }

    /** A publication of {@code event} for the listener of that id, failed once; returns its id. */
    public UUID failedOnce(String listenerId, Object event) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status, completion_attempts)
                        values (:id, :listener, :type, :event, now(), 'FAILED', 1)
                        """)
                .param("id", id)
                .param("listener", listenerId)
                .param("type", event.getClass().getName())
                .param("event", serializer.serialize(event).toString())
                .update();
        return id;
    }

    /** Runs a migration's script again, e.g. {@code V71__listeners_in_the_booking_transaction.sql}. */
    public void migrate(String script) {
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/" + script)).execute(dataSource);
    }

    public void resubmit(UUID publication) {
        failed.resubmit(
                ResubmissionOptions.defaults().withFilter(p -> p.getIdentifier().equals(publication)));
    }

    public boolean exists(UUID publication) {
        return jdbc.sql("select count(*) from event_publication where id = :id")
                        .param("id", publication)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
