package sa.tenhal.visits;

import jakarta.validation.constraints.Size;
import sa.tenhal.clinics.Discipline;

/**
 * The text a discipline's new notes start from, which a clinic edits. {@code goals} holds one goal per line (session
 * notes); SOAP fields are for medical and nursing notes.
 */
public record NoteTemplate(
        Discipline discipline,
        NoteKind kind,
        @Size(max = 500) String reason,
        @Size(max = 5000) String subjective,
        @Size(max = 5000) String objective,
        @Size(max = 5000) String assessment,
        @Size(max = 5000) String plan,
        @Size(max = 5000) String goals,
        @Size(max = 5000) String activities,
        @Size(max = 5000) String homeProgramme,
        long version) {}
