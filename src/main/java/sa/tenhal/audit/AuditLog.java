package sa.tenhal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail, newest first, filtered by any combination of patient, user, record, action and time. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to filter by; every part is optional. A patient matches entries about them or merged into them. A username
     * matches in any case, and also names failed sign-ins (which have no user id).
     */
    public record Filter(
            UUID patientId,
            UUID userId,
            String recordType,
            UUID recordId,
            String action,
            Instant from,
            Instant to,
            String username) {

        public Filter(
                UUID patientId,
                UUID userId,
                String recordType,
                UUID recordId,
                String action,
                Instant from,
                Instant to) {
            this(patientId, userId, recordType, recordId, action, from, to, null);
        }
    }

    /**
     * One page of the entries that match, newest first unless {@code page} sorts by {@code at} ascending; entries of
     * the same instant keep the order they were written in (their id), so pages never overlap.
     */
    public Page<AuditEntry> find(Filter filter, Pageable page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.patientId() != null) {
            where.append(" and (patient_id = :patient or related_patient_id = :patient"
                    + " or patient_ids @> array[cast(:patient as uuid)])");
            params.put("patient", filter.patientId());
        }
        if (filter.userId() != null) {
            where.append(" and user_id = :user");
            params.put("user", filter.userId());
        }
        if (filter.username() != null) {
            where.append(" and lower(username) = lower(:username)");
            params.put("username", filter.username());
        }
        if (filter.recordType() != null) {
            where.append(" and record_type = :recordType");
            params.put("recordType", filter.recordType());
        }
        if (filter.recordId() != null) {
            where.append(" and record_id = :recordId");
            params.put("recordId", filter.recordId());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.put("action", filter.action());
        }
        if (filter.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        var count = jdbc.sql("select count(*) from audit_entry" + where);
        var at = page.getSort().getOrderFor("at");
        String direction = at != null && at.isAscending() ? "asc" : "desc";
        var rows = jdbc.sql("select * from audit_entry" + where + " order by at " + direction + ", id " + direction
                + " offset :offset limit :limit");
        for (var e : params.entrySet()) {
            count = count.param(e.getKey(), e.getValue());
            rows = rows.param(e.getKey(), e.getValue());
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> content = rows.param("offset", page.getOffset())
                .param("limit", page.getPageSize())
                .query((rs, i) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("address"),
                        rs.getString("record_type"),
                        rs.getObject("record_id", UUID.class),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("related_patient_id", UUID.class),
                        rs.getString("action"),
                        rs.getString("changed_fields").isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString("changed_fields").split(",")),
                        rs.getString("note"),
                        listed(rs.getArray("patient_ids"))))
                .list();
        return new PageImpl<>(content, page, total);
    }

    private static List<UUID> listed(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
