package sa.tenhal.patients;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** Two records of one person were merged: {@code merged} is archived and points to {@code survivor}, which keeps
 * every reference. Modules that keep patient ids re-point their rows on this event. */
@DomainEvent
public record PatientsMerged(PatientId survivor, PatientId merged, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("Patient", survivor.value(), AuditAction.MERGE)
                .patient(survivor.value())
                .relatedPatient(merged.value())
                .note("merged " + merged + " into " + survivor);
    }
}
