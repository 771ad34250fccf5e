package sa.tenhal.appointments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientsMerged;

/** The survivor of a patient merge takes over the merged record's appointments, waitlist entries and offers. */
@Component
class PatientMerges {

    private final JdbcClient jdbc;

    PatientMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        jdbc.sql("update appointment set patient_id = :survivor where patient_id = :merged")
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
        jdbc.sql("update waitlist_entry set patient_id = :survivor where patient_id = :merged")
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
        jdbc.sql("update waitlist_offer set patient_id = :survivor where patient_id = :merged")
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
        jdbc.sql("update rebook_entry set patient_id = :survivor where patient_id = :merged")
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
    }
}
