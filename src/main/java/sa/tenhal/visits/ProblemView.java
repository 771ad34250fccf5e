package sa.tenhal.visits;

import java.time.LocalDate;
import java.util.UUID;

/** An entry of the patient's problem list: a diagnosis active since a date, until resolved. */
public record ProblemView(
        UUID id,
        String code,
        String titleEn,
        String titleAr,
        LocalDate since,
        UUID firstVisitId,
        LocalDate resolvedOn) {

    public boolean active() {
        return resolvedOn == null;
    }
}
