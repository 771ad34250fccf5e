package sa.tenhal.notifications;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientsMerged;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * A patient's quiet hours (channels and language live on the patient's record). Without a choice of their own, the
 * centre's default applies ({@code tenhal.notifications.quiet-start}/{@code quiet-end}, 22:00-08:00).
 */
@Service
public class ContactPreferences {

    /** Quiet hours in clinic-local time; {@code custom} says the patient chose them. */
    public record QuietHours(LocalTime start, LocalTime end, boolean custom) {}

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final PatientRegistry patients;
    private final Clock clock;

    ContactPreferences(JdbcClient jdbc, NotificationProperties properties, PatientRegistry patients, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.patients = patients;
        this.clock = clock;
    }

    /** A patient's quiet hours, as the API shows them: 404 for an id that names no patient. */
    @Transactional(readOnly = true)
    public QuietHours ofPatient(PatientId patient) {
        requirePatient(patient);
        return quietHours(patient);
    }

    /** The hours that apply to a patient's messages (the centre's default unless they chose their own). */
    @Transactional(readOnly = true)
    public QuietHours quietHours(PatientId patient) {
        return jdbc.sql("select quiet_start, quiet_end from contact_preference where patient_id = :id")
                .param("id", patient.value())
                .query((rs, i) -> new QuietHours(
                        rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), true))
                .optional()
                .orElse(new QuietHours(properties.quietStart(), properties.quietEnd(), false));
    }

    @Transactional
    public QuietHours setQuietHours(PatientId patient, LocalTime start, LocalTime end) {
        requirePatient(patient);
        if (start == null || end == null) {
            throw new InvalidFieldsException(start == null ? "start" : "end", "is required");
        }
        jdbc.sql("""
                        insert into contact_preference (patient_id, quiet_start, quiet_end, updated_at) values (:id, :start, :end, :now)
                        on conflict (patient_id) do update set quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                            updated_at = excluded.updated_at
                        """)
                .param("id", patient.value())
                .param("start", Time.valueOf(start))
                .param("end", Time.valueOf(end))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return quietHours(patient);
    }

    @Transactional
    public QuietHours reset(PatientId patient) {
        requirePatient(patient);
        jdbc.sql("delete from contact_preference where patient_id = :id")
                .param("id", patient.value())
                .update();
        return quietHours(patient);
    }

    private void requirePatient(PatientId patient) {
        if (patients.status(patient).isEmpty()) {
            throw new NotFoundException("Patient", patient);
        }
    }

    /** A merge keeps the survivor's choice, or takes the merged record's if the survivor had none. */
    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        jdbc.sql("""
                        update contact_preference set patient_id = :survivor
                         where patient_id = :merged and not exists (select 1 from contact_preference where patient_id = :survivor)
                        """)
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
    }
}
