package sa.tenhal.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a person read patient data ({@link PatientDataRead}): call it where an answer that names patients is
 * handed to a person (a controller or a page), with the patients the answer names. Reads by the system (jobs, event
 * listeners) are not recorded: no one saw them.
 *
 * <p>The entry is written in the caller's transaction when it can take a write, otherwise in one of its own: a read
 * happens inside read-only transactions too, and must not go unrecorded because of it.
 */
@Component
public class PatientReads {

    private final ApplicationEventPublisher events;
    private final ClinicTime time;
    private final TransactionTemplate own;

    PatientReads(ApplicationEventPublisher events, ClinicTime time, PlatformTransactionManager transactions) {
        this.events = events;
        this.time = time;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** A list (search results, a day list, a calendar, an export) that named these patients; none, no entry. */
    public void listed(String recordType, String view, Collection<UUID> patients) {
        Set<UUID> named = new LinkedHashSet<>();
        patients.stream().filter(Objects::nonNull).forEach(named::add);
        if (named.isEmpty() || Actor.current().isEmpty()) {
            return;
        }
        publish(new PatientDataRead(recordType, null, view, named, time.now()));
    }

    /** One record of a patient (an appointment, a referral, an invoice, a document). */
    public void viewed(String recordType, UUID recordId, UUID patient, String view) {
        if (patient == null || Actor.current().isEmpty()) {
            return;
        }
        publish(new PatientDataRead(recordType, recordId, view, Set.of(patient), time.now()));
    }

    private void publish(PatientDataRead read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            events.publishEvent(read);
        } else {
            own.executeWithoutResult(status -> events.publishEvent(read));
        }
    }
}
