package sa.tenhal.clinics;

/** The profession a clinic practises; a multidisciplinary centre has one clinic per discipline, or more. */
public enum Discipline {
    MEDICAL,
    NURSING,
    SPEECH_LANGUAGE,
    OCCUPATIONAL_THERAPY,
    ABA,
    PSYCHOLOGY,
    PHYSIOTHERAPY,
    AUDIOLOGY,
    NUTRITION
}
