package sa.tenhal.patients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clinics look after a patient: the clinicians of those clinics see the patient ({@link PatientAccess}). The
 * modules that know tell it here, in their own transaction: booking, the waitlist and referrals. A clinic stays on
 * the team once it joined; the care it gave is the record's history.
 */
@Service
public class CareTeams {

    /** How a clinic came to look after the patient. */
    public enum Via {
        APPOINTMENT,
        WAITLIST,
        REFERRAL,
        /** A clinician registered the patient (a walk-in). */
        REGISTRATION
    }

    private final JdbcClient jdbc;

    CareTeams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The clinic joins the patient's care team (nothing happens if it is on it already). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void join(PatientId patient, UUID clinicId, Via via, Instant at) {
        jdbc.sql("""
                        insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
                        values (:patient, :clinic, :at, :via) on conflict do nothing
                        """)
                .param("patient", patient.value())
                .param("clinic", clinicId)
                .param("at", Timestamp.from(at))
                .param("via", via.name())
                .update();
    }

    /** A merge: the survivor's team gains the duplicate's clinics. */
    void moveAll(PatientId from, PatientId to) {
        jdbc.sql("""
                        insert into patient_care_team (patient_id, clinic_id, joined_at, joined_by)
                        select :to, clinic_id, joined_at, joined_by from patient_care_team where patient_id = :from
                        on conflict do nothing
                        """).param("from", from.value()).param("to", to.value()).update();
        jdbc.sql("delete from patient_care_team where patient_id = :from")
                .param("from", from.value())
                .update();
    }
}
