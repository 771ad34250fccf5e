package sa.tenhal.visits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * The record of one visit (the encounter of one appointment) and the rules of its note: written while unsigned, in the
 * shape of the discipline; signed once, by a clinician, and only with something written; locked once signed, when
 * later changes are addenda with who and when.
 */
class VisitRecord {

    /** A later change to a signed note. */
    record Addendum(UUID id, String text, Instant writtenAt, UUID writtenBy, String writtenByName) {}

    final UUID id;
    long version;
    final UUID appointmentId;
    final PatientId patientId;
    final UUID clinicId;
    final UUID providerId;
    final UUID serviceId;
    final Discipline discipline;
    final NoteKind kind;
    final Instant visitAt;
    NoteContent note;
    final Instant openedAt;
    final UUID openedBy;
    Instant signedAt;
    UUID signedBy;
    String signedByName;
    Instant updatedAt;
    final List<Addendum> addenda;

    /** Events the last change registered, for the service to publish. */
    private final List<Object> events = new ArrayList<>();

    VisitRecord(
            UUID id,
            long version,
            UUID appointmentId,
            PatientId patientId,
            UUID clinicId,
            UUID providerId,
            UUID serviceId,
            Discipline discipline,
            NoteKind kind,
            Instant visitAt,
            NoteContent note,
            Instant openedAt,
            UUID openedBy,
            Instant signedAt,
            UUID signedBy,
            String signedByName,
            Instant updatedAt,
            List<Addendum> addenda) {
        this.id = id;
        this.version = version;
        this.appointmentId = appointmentId;
        this.patientId = patientId;
        this.clinicId = clinicId;
        this.providerId = providerId;
        this.serviceId = serviceId;
        this.discipline = discipline;
        this.kind = kind;
        this.visitAt = visitAt;
        this.note = note;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.updatedAt = updatedAt;
        this.addenda = new ArrayList<>(addenda);
    }

    /** Opens the record of a visit that starts now, its note prefilled with the discipline's template. */
    static VisitRecord open(
            UUID appointmentId,
            PatientId patient,
            UUID clinicId,
            UUID providerId,
            UUID serviceId,
            Discipline discipline,
            Instant visitAt,
            NoteContent template,
            UUID openedBy,
            Instant now) {
        NoteKind kind = NoteKind.of(discipline);
        VisitRecord record = new VisitRecord(
                Ids.newId(),
                0,
                appointmentId,
                patient,
                clinicId,
                providerId,
                serviceId,
                discipline,
                kind,
                visitAt,
                template == null ? NoteContent.EMPTY : template,
                now,
                openedBy,
                null,
                null,
                null,
                now,
                List.of());
        record.events.add(new VisitOpened(new VisitId(record.id), appointmentId, patient, clinicId, providerId, now));
        return record;
    }

    boolean signed() {
        return signedAt != null;
    }

    /** Writes the note; refused once signed (then it is an addendum) or when a field does not fit the note's kind. */
    void write(NoteContent content, Instant now) {
        if (signed()) {
            throw new ConflictException(
                    "note-signed", "The note is signed", "A signed note is locked: add an addendum instead.");
        }
        content.checkFits(kind);
        Set<String> changed = content.changedFrom(note);
        note = content;
        updatedAt = now;
        if (!changed.isEmpty()) {
            events.add(new VisitNoteWritten(new VisitId(id), patientId, changed, now));
        }
    }

    /** Signs the note: once, and only with something clinical written. */
    void sign(UUID by, String name, Instant now) {
        if (signed()) {
            throw new ConflictException("note-signed", "The note is signed", "This note was signed already.");
        }
        if (note.isEmpty(kind)) {
            throw new InvalidFieldsException(
                    "note",
                    kind == NoteKind.SOAP
                            ? "write the note before signing it"
                            : "write the session note before signing it");
        }
        signedAt = now;
        signedBy = by;
        signedByName = name;
        updatedAt = now;
        events.add(new VisitNoteSigned(new VisitId(id), patientId, providerId, by, now));
    }

    /** Adds an addendum to the signed note (before signing, the note itself is written). */
    Addendum addendum(String text, UUID by, String name, Instant now) {
        if (!signed()) {
            throw new ConflictException(
                    "note-not-signed", "The note is not signed", "Change the note itself until it is signed.");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidFieldsException("text", "must not be blank");
        }
        if (text.length() > 5000) {
            throw new InvalidFieldsException("text", "must be at most 5000 characters");
        }
        Addendum addendum = new Addendum(Ids.newId(), text.strip(), now, by, name);
        addenda.add(addendum);
        updatedAt = now;
        events.add(new AddendumAdded(new VisitId(id), addendum.id(), patientId, by, now));
        return addendum;
    }

    List<Object> drainEvents() {
        List<Object> drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
