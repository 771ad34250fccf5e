package sa.tenhal.visits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientsMerged;

/**
 * The survivor of a patient merge takes over the merged record's clinical record: visit records, vitals, diagnoses,
 * orders and the problem list. Nothing is deleted. A problem active on both records stays one entry: the survivor's,
 * dated from the earlier of the two; the duplicate's entry stays with the archived record, which points to the
 * survivor.
 */
@Component
class PatientMergesInVisits {

    private final JdbcClient jdbc;

    PatientMergesInVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        var survivor = merged.survivor().value();
        var gone = merged.merged().value();
        jdbc.sql("""
                        update patient_problem s set since = least(s.since, m.since)
                          from patient_problem m
                         where s.patient_id = :survivor and s.resolved_on is null
                           and m.patient_id = :merged and m.resolved_on is null and m.code = s.code
                        """).param("survivor", survivor).param("merged", gone).update();
        // a problem active on both stays one entry, the survivor's; the duplicate's stays with the archived record
        jdbc.sql("""
                        update patient_problem m set patient_id = :survivor
                         where m.patient_id = :merged
                           and not (m.resolved_on is null and exists (
                                    select 1 from patient_problem s
                                     where s.patient_id = :survivor and s.resolved_on is null and s.code = m.code))
                        """).param("survivor", survivor).param("merged", gone).update();
        for (String table : new String[] {"visit_record", "visit_vitals", "visit_diagnosis", "visit_order"}) {
            jdbc.sql("update " + table + " set patient_id = :survivor where patient_id = :merged")
                    .param("survivor", survivor)
                    .param("merged", gone)
                    .update();
        }
    }
}
