package sa.tenhal.visits;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;

/** A manager changed a discipline's note template (new notes of that discipline start from it). */
@DomainEvent
public record NoteTemplateChanged(Discipline discipline, long version, Instant at) implements AuditableEvent {

    @Override
    public Audited audited() {
        return Audited.of("NoteTemplate", null, AuditAction.UPDATE).note(discipline.name() + " v" + version);
    }
}
