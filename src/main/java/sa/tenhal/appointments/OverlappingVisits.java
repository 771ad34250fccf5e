package sa.tenhal.appointments;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.MergeObstacles;
import sa.tenhal.patients.PatientId;

/**
 * Before two records merge: visits of the one and of the other that hold the same time. Both cannot stay (one patient,
 * one place at a time: the database's exclusion constraint would refuse the merged rows), so the merge waits for a
 * decision.
 */
@Component
class OverlappingVisits implements MergeObstacles {

    private final JdbcClient jdbc;

    OverlappingVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Obstacle> between(PatientId survivor, PatientId duplicate) {
        return jdbc.sql("""
                        select s.id as kept, d.id as other, greatest(s.starts_at, d.starts_at) as starts_at,
                               least(s.ends_at, d.ends_at) as ends_at
                          from appointment s join appointment d
                            on tstzrange(s.starts_at, s.ends_at) && tstzrange(d.starts_at, d.ends_at)
                         where s.patient_id = :survivor and d.patient_id = :duplicate
                           and s.status not in ('CANCELLED', 'NO_SHOW') and d.status not in ('CANCELLED', 'NO_SHOW')
                         order by 3""")
                .param("survivor", survivor.value())
                .param("duplicate", duplicate.value())
                .query((rs, n) -> new Obstacle(
                        "appointment",
                        rs.getObject("kept", UUID.class),
                        rs.getObject("other", UUID.class),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getObject("ends_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }
}
