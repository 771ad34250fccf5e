package sa.tenhal.visits;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A clinic loaded ICD-10 codes from its CSV (added, or their titles replaced). */
@DomainEvent
public record Icd10ListLoaded(int codes, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("DiagnosisCodeList", null, AuditAction.CREATE).note(codes + " codes loaded");
    }
}
