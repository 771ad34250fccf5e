package sa.tenhal.visits;

import sa.tenhal.clinics.Discipline;

/**
 * The shape of a visit's note: SOAP (subjective, objective, assessment, plan) for medical and nursing visits, a session
 * note (goals worked on with the progress against each, activities, home programme) for the therapies.
 */
public enum NoteKind {
    SOAP,
    SESSION;

    /** The note a discipline writes. */
    public static NoteKind of(Discipline discipline) {
        return switch (discipline) {
            case SPEECH_LANGUAGE, OCCUPATIONAL_THERAPY, ABA, PSYCHOLOGY, PHYSIOTHERAPY -> SESSION;
            default -> SOAP;
        };
    }
}
