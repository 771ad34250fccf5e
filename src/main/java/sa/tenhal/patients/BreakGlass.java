package sa.tenhal.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * "Break the glass": a clinician who needs a patient outside their care team (an emergency, a colleague's patient on
 * cover) opens the record with a reason. It opens for a limited time ({@code tenhal.access.break-glass-for}, 8 hours
 * by default), the audit trail records it with the reason, managers are told, and a manager reviews every one.
 */
@Service
@Transactional
public class BreakGlass {

    private final JdbcClient jdbc;
    private final Patients patients;
    private final PatientAccess access;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final Duration openFor;

    BreakGlass(
            JdbcClient jdbc,
            Patients patients,
            PatientAccess access,
            ClinicTime time,
            ApplicationEventPublisher events,
            @Value("${tenhal.access.break-glass-for:8h}") Duration openFor) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.access = access;
        this.time = time;
        this.events = events;
        this.openFor = openFor;
    }

    /**
     * Opens the patient's record to the signed-in clinician for a limited time. Refused (422) without a reason; 403
     * for a role that never sees patients by breaking the glass (it sees them all already, or never); 409 when the
     * patient is in the clinician's care team already (nothing to break).
     */
    public BreakGlassAccess open(PatientId patient, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 500) {
            throw new InvalidFieldsException("reason", "say why you need this record, in 10 to 500 characters");
        }
        Patient record =
                patients.findById(patient.value()).orElseThrow(() -> new NotFoundException("Patient", patient));
        PatientSight sight = access.sight(patient);
        if (!sight.couldBreakGlass()) {
            if (sight.sees(PatientData.IDENTITY)) {
                throw new ConflictException(
                        "in-care-team", "Already in your care team", "You can open this patient's record already");
            }
            throw new NotYoursToSeeException(PatientData.IDENTITY);
        }
        Actor actor = Actor.current().orElseThrow();
        UUID id = Ids.newId();
        Instant now = time.now();
        Instant until = now.plus(openFor);
        jdbc.sql("""
                        insert into break_glass_access (id, user_id, username, patient_id, reason, opened_at, expires_at)
                        values (:id, :user, :username, :patient, :reason, :now, :until)
                        """)
                .param("id", id)
                .param("user", actor.userId())
                .param("username", actor.username())
                .param("patient", patient.value())
                .param("reason", why)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .update();
        events.publishEvent(new BreakGlassOpened(id, record.id(), actor.userId(), why, until, now));
        return find(id);
    }

    /** Opens the record of the patient with this record number (what a clinician has at hand in an emergency). */
    public BreakGlassAccess openByRecordNumber(String mrn, String reason) {
        Patient record = patients.findByMrn(mrn == null ? "" : mrn.strip())
                .orElseThrow(() -> new InvalidFieldsException("mrn", "no patient has this record number"));
        return open(record.id(), reason);
    }

    /** A manager's review of an access; the note says what they found (optional). 409 if reviewed already. */
    public BreakGlassAccess review(UUID id, String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidFieldsException("note", "at most 500 characters");
        }
        BreakGlassAccess access = find(id);
        if (access.reviewed()) {
            throw new ConflictException("already-reviewed", "Already reviewed", "This access has been reviewed");
        }
        Actor actor = Actor.current().orElseThrow();
        Instant now = time.now();
        jdbc.sql("""
                        update break_glass_access set reviewed_by = :by, reviewed_by_username = :username,
                               reviewed_at = :now, review_note = :note
                         where id = :id and reviewed_at is null
                        """)
                .param("id", id)
                .param("by", actor.userId())
                .param("username", actor.username())
                .param("now", Timestamp.from(now))
                .param("note", text)
                .update();
        events.publishEvent(new BreakGlassReviewed(id, access.patientId(), text, now));
        return find(id);
    }

    @Transactional(readOnly = true)
    public BreakGlassAccess find(UUID id) {
        return jdbc.sql(SELECT + " where g.id = :id")
                .param("id", id)
                .query(BreakGlass::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Break-the-glass access", id));
    }

    /** The accesses, newest first; only those not yet reviewed when {@code unreviewedOnly}. */
    @Transactional(readOnly = true)
    public Page<BreakGlassAccess> list(boolean unreviewedOnly, Pageable page) {
        String where = unreviewedOnly ? " where g.reviewed_at is null" : "";
        long total = jdbc.sql("select count(*) from break_glass_access g" + where)
                .query(Long.class)
                .single();
        List<BreakGlassAccess> content = jdbc.sql(
                        SELECT + where + " order by g.opened_at desc, g.id desc offset :offset limit :limit")
                .param("offset", page.getOffset())
                .param("limit", page.getPageSize())
                .query(BreakGlass::row)
                .list();
        return new PageImpl<>(content, page, total);
    }

    private static final String SELECT = """
            select g.*, p.mrn, p.given_name_en, p.family_name_en, p.given_name_ar, p.family_name_ar, p.birth_date
              from break_glass_access g join patient p on p.id = g.patient_id""";

    private static BreakGlassAccess row(ResultSet rs, int i) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new BreakGlassAccess(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("username"),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("mrn"),
                join(rs.getString("given_name_en"), rs.getString("family_name_en")),
                join(rs.getString("given_name_ar"), rs.getString("family_name_ar")),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getObject("reviewed_by", UUID.class),
                rs.getString("reviewed_by_username"),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString("review_note"));
    }

    private static String join(String given, String family) {
        if (given == null && family == null) {
            return null;
        }
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }
}
