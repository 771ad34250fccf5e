package sa.tenhal.integrations.zatca;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.integrations.outbound.Submissions;

/** The last submissions to ZATCA with their documents' numbers and counters, for the admin's page. */
@Component
public class ZatcaActivity {

    /** One submission: the document (id, number, ICV), reporting or clearance, where it stands. */
    public record Row(
            UUID invoiceId,
            String number,
            long icv,
            String operation,
            Submissions.State state,
            int attempts,
            Instant lastAttemptAt) {}

    private final JdbcClient jdbc;

    ZatcaActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> recent(int limit) {
        return jdbc.sql("select s.subject_id, d.number, d.icv, s.operation, s.state, s.attempts, s.last_attempt_at"
                        + " from integration_submission s join zatca_document d on d.invoice_id = s.subject_id"
                        + " where s.partner = 'ZATCA' order by s.updated_at desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Submissions.State.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        Units.instant(rs, "last_attempt_at")))
                .list();
    }
}
