package sa.tenhal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.AuditableEvent;
import sa.tenhal.platform.Audited;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Ids;

/**
 * Writes the audit trail. A plain synchronous listener on purpose: it runs in the transaction that published the
 * event, so a change is never committed without its entry (and a failed entry rolls the change back).
 */
@Component
class AuditTrail {

    private final JdbcClient jdbc;
    private final ClinicTime time;

    AuditTrail(JdbcClient jdbc, ClinicTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    void on(AuditableEvent event) {
        Audited a = event.audited();
        Optional<Actor> actor = Actor.current();
        write(
                actor.map(Actor::userId).orElse(null),
                actor.map(Actor::username).orElse("system"),
                a.recordType(),
                a.recordId(),
                a.patientId(),
                a.relatedPatientId(),
                a.action(),
                List.copyOf(new java.util.TreeSet<>(a.changedFields())),
                a.note(),
                a.listedPatients());
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        Object principal = event.getAuthentication().getPrincipal();
        UUID userId = principal instanceof Actor.User user ? user.actingUserId() : null;
        write(
                userId,
                event.getAuthentication().getName(),
                "StaffUser",
                userId,
                null,
                null,
                AuditAction.SIGN_IN,
                List.of(),
                null,
                Set.of());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            String name = attempt.getName() == null ? "" : attempt.getName();
            write(
                    null,
                    name.length() > 100 ? name.substring(0, 100) : name,
                    "StaffUser",
                    null,
                    null,
                    null,
                    AuditAction.SIGN_IN_FAILED,
                    List.of(),
                    event.getException().getClass().getSimpleName(),
                    Set.of());
        }
    }

    private void write(
            UUID userId,
            String username,
            String recordType,
            UUID recordId,
            UUID patientId,
            UUID relatedPatientId,
            AuditAction action,
            List<String> changedFields,
            String note,
            Set<UUID> listedPatients) {
        jdbc.sql("""
                        insert into audit_entry (at, user_id, username, address, user_agent, record_type, record_id,
                                                 patient_id, related_patient_id, action, changed_fields, note,
                                                 patient_ids)
                        values (:at, :userId, :username, :address, :userAgent, :recordType, :recordId,
                                :patientId, :relatedPatientId, :action, :changedFields, :note,
                                cast(:patientIds as uuid[]))
                        """)
                .param("at", Timestamp.from(time.now()))
                .param("userId", userId)
                .param("username", username)
                .param(
                        "address",
                        request().map(HttpServletRequest::getRemoteAddr).orElse(null))
                .param(
                        "userAgent",
                        request()
                                .map(r -> truncate(r.getHeader("User-Agent"), 300))
                                .orElse(null))
                .param("recordType", recordType)
                .param("recordId", recordId)
                .param("patientId", patientId)
                .param("relatedPatientId", relatedPatientId)
                .param("action", action.name())
                .param("changedFields", String.join(",", changedFields))
                .param("note", truncate(note, 500))
                .param(
                        "patientIds",
                        listedPatients.isEmpty() ? null : Ids.sqlArray(new java.util.TreeSet<>(listedPatients)))
                .update();
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
