package sa.tenhal.finance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientsMerged;

/**
 * The survivor of a patient merge takes over the merged record's money: invoices and notes, payments (and so the
 * credit they leave), packages. Issued documents keep their numbers and amounts; only whose they are changes.
 */
@Component
class PatientMergesInFinance {

    private final JdbcClient jdbc;

    PatientMergesInFinance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        for (String table : new String[] {"invoice", "payment", "patient_package"}) {
            jdbc.sql("update " + table + " set patient_id = :survivor where patient_id = :merged")
                    .param("survivor", merged.survivor().value())
                    .param("merged", merged.merged().value())
                    .update();
        }
    }
}
