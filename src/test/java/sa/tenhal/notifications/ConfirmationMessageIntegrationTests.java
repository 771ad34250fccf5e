package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.at;
import static sa.tenhal.appointments.confirmation.ConfirmationFixture.sunday;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.OlderPublications;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.confirmation.ConfirmationFixture;
import sa.tenhal.appointments.confirmation.ConfirmationRequested;
import sa.tenhal.patients.PatientId;
import sa.tenhal.shared.Language;

/**
 * A confirmation request's message is composed and queued in the transaction that asks for it — the booking's —, so
 * that it commits with the booking and costs no transaction of its own; one that cannot be composed then (a template
 * that fails) is owed and composed after the commit, and the booking stands.
 *
 * <p>A context of its own: a spy on the templates, to make one fail.
 */
@TenhalIntegrationTest
class ConfirmationMessageIntegrationTests {

    @Autowired
    Scheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationContext context;

    @MockitoSpyBean
    Templates templates;

    ConfirmationFixture clinic;

    @BeforeEach
    void clinic() {
        clinic = ConfirmationFixture.in(context);
    }

    @Test
    void theRequestsMessageIsQueuedInTheBookingsOwnTransactionWhichStoresNoPublication() {
        PatientId patient = clinic.patientBySmsOnly(Language.EN);
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            AppointmentDetails booked = clinic.book(patient, at(aTuesday(), 10, 0));
            // read before the commit: the message is there already, and nothing is left for after the commit
            assertThat(queuedFor(patient)).containsExactly(ConfirmationMessages.REQUEST + " SMS QUEUED");
            assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'deliver-message'"
                                    + " and task_instance in (select id::text from notification_message"
                                    + " where recipient_id = :p)")
                            .param("p", patient.value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select listener_id from event_publication where serialized_event like :a")
                            .param("a", "%" + booked.id().value() + "%")
                            .query(String.class)
                            .list())
                    .isEmpty();
            tx.setRollbackOnly();
        });
        assertThat(queuedFor(patient)).isEmpty(); // and it went with the booking's rollback
    }

    @Test
    void aMessageThatCannotBeComposedWithTheBookingIsOwedAndComposedAfterItsCommit() {
        org.mockito.Mockito.doThrow(new IllegalStateException("a template that does not render"))
                .doCallRealMethod()
                .when(templates)
                .render(eq(ConfirmationMessages.REQUEST), any(), any(), any());
        PatientId patient = clinic.patientBySmsOnly(Language.AR);

        AppointmentDetails booked = clinic.book(patient, at(aTuesday(), 11, 0));

        assertThat(scheduling.get(booked.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
        await().untilAsserted(() -> assertThat(queuedFor(patient))
                .as(() -> "the owed message's publications: " + publicationsOf(booked) + "; the request: "
                        + jdbc.sql("select status || ' expires ' || expires_at from appointment_confirmation"
                                        + " where appointment_id = :a")
                                .param("a", booked.id().value())
                                .query(String.class)
                                .list()
                        + "; the listener threads: " + listenerThreads())
                .containsExactly(ConfirmationMessages.REQUEST + " SMS QUEUED"));
        await().untilAsserted(() -> assertThat(jdbc.sql("""
                                select count(*) from event_publication
                                where event_type like '%ConfirmationMessageOwed' and serialized_event like :a
                                  and completion_date is null
                                """)
                        .param("a", "%" + booked.id().value() + "%")
                        .query(Long.class)
                        .single())
                .isZero());
        doCallRealMethod().when(templates).render(any(), any(), any(), any());
    }

    /**
     * A request's publication for the message's durable listener of the version before (incomplete at the upgrade:
     * its message not yet composed) is handed by the migration to the listener that owes such messages now, and the
     * message is queued once it is resubmitted: no message is lost at the upgrade.
     */
    @Test
    void aRequestsPublicationLeftByTheVersionBeforeIsHandedOverAndItsMessageQueued() {
        PatientId patient = clinic.patientBySmsOnly(Language.EN);
        AppointmentDetails booked = clinic.book(patient, at(aTuesday(), 12, 0));
        UUID confirmation = jdbc.sql("select id from appointment_confirmation where appointment_id = :a")
                .param("a", booked.id().value())
                .query(UUID.class)
                .single();
        // as the version before left it: no message yet, and the request's publication failed once
        jdbc.sql("delete from scheduled_tasks where task_name = 'deliver-message' and task_instance in"
                        + " (select id::text from notification_message where recipient_id = :p)")
                .param("p", patient.value())
                .update();
        jdbc.sql("delete from notification_message where recipient_id = :p")
                .param("p", patient.value())
                .update();
        OlderPublications older = OlderPublications.in(context);
        UUID publication = older.failedOnce(
                "sa.tenhal.notifications.ConfirmationMessages.on(sa.tenhal.appointments.confirmation.ConfirmationRequested)",
                new ConfirmationRequested(confirmation, booked.id().value(), patient, 0, true, Instant.now()));

        older.migrate("V71__listeners_in_the_booking_transaction.sql");
        older.resubmit(publication);

        await().untilAsserted(() ->
                assertThat(queuedFor(patient)).containsExactly(ConfirmationMessages.REQUEST + " SMS QUEUED"));
        await().until(() -> !older.exists(publication));
    }

    /**
     * A Tuesday five weeks on: the tests share the database, and a day's desk lists every clinic's visits, so these
     * bookings stay off the Sundays other tests count visits on.
     */
    static java.time.LocalDate aTuesday() {
        return sunday(5).plusDays(2);
    }

    /** The booking's publications with what became of them, for a failure's message. */
    List<String> publicationsOf(AppointmentDetails booked) {
        return jdbc.sql("""
                        select p.listener_id || ' ' || coalesce(p.status, '-') || ' attempts ' || coalesce(p.completion_attempts, 0)
                               || ' completed ' || coalesce(p.completion_date::text, '-') || ' error ' || coalesce(f.last_error, '-')
                          from event_publication p left join event_publication_failure f on f.publication_id = p.id
                         where p.serialized_event like :a
                        """)
                .param("a", "%" + booked.id().value() + "%")
                .query(String.class)
                .list();
    }

    /** What the durable listeners' threads are doing (their names start "task-"), for a failure's message. */
    static String listenerThreads() {
        StringBuilder threads = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("task-")) {
                threads.append("\n  ").append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    threads.append("\n    at ").append(stack[i]);
                }
            }
        });
        return threads.toString();
    }

    /** The patient's messages as "kind channel status". */
    List<String> queuedFor(PatientId patient) {
        return jdbc.sql(
                        "select kind || ' ' || channel || ' ' || status from notification_message where recipient_id = :p")
                .param("p", patient.value())
                .query(String.class)
                .list();
    }
}
