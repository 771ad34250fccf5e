package sa.tenhal.visits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.tenhal.clinics.Discipline;

/** A visit on the patient's timeline: when, where, whether signed, and its diagnoses' codes. */
public record TimelineEntry(
        UUID visitId,
        Instant visitAt,
        UUID clinicId,
        UUID providerId,
        Discipline discipline,
        String reason,
        boolean signed,
        String signedByName,
        List<String> diagnosisCodes) {

    /**
     * The codes as the timeline prints them, "F80.1, R62.0". (A template joining the list itself made Spring's
     * expression language look its method up again for every row, the list's class changing with its size.)
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String codes() {
        return String.join(", ", diagnosisCodes);
    }
}
