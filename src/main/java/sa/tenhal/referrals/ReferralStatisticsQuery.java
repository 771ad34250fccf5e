package sa.tenhal.referrals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * Computes the statistics in PostgreSQL (one grouped query, medians by {@code percentile_cont}), always from the
 * referrals themselves, so a completed referral counts the moment it completes.
 */
@Component
@Transactional(readOnly = true)
public class ReferralStatisticsQuery {

    private static final String SQL = """
            select from_clinic_id, to_clinic_id,
                   count(*) as referrals,
                   count(*) filter (where status = 'PENDING') as pending,
                   count(*) filter (where accepted_at is not null) as accepted,
                   count(*) filter (where status = 'REJECTED') as rejected,
                   count(*) filter (where status = 'COMPLETED') as completed,
                   count(*) filter (where status = 'CANCELLED') as cancelled,
                   count(*) filter (where accepted_at is not null or rejected_at is not null) as answered,
                   percentile_cont(0.5) within group (order by extract(epoch from accepted_at - created_at))
                       filter (where accepted_at is not null) as to_accept,
                   percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))
                       filter (where completed_at is not null) as to_complete
            from referral
            where created_at >= ? and created_at < ?
              and (cast(? as uuid) is null or from_clinic_id = cast(? as uuid))
              and (cast(? as uuid) is null or to_clinic_id = cast(? as uuid))
            group by grouping sets ((from_clinic_id, to_clinic_id), ())
            order by grouping(from_clinic_id, to_clinic_id) desc, from_clinic_id, to_clinic_id
            """;

    private final JdbcClient jdbc;
    private final ClinicTime time;

    ReferralStatisticsQuery(JdbcClient jdbc, ClinicTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    public ReferralStatistics between(LocalDate from, LocalDate to, UUID fromClinicId, UUID toClinicId) {
        if (from == null || to == null) {
            throw new InvalidFieldsException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldsException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldsException("to", "a range is at most five years");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(time.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(time.zone()).toInstant());
        List<Row> rows = jdbc.sql(SQL)
                .params(start, end, fromClinicId, fromClinicId, toClinicId, toClinicId)
                .query(ReferralStatisticsQuery::row)
                .list();
        // The grand total (the empty grouping set) comes first; with no referrals at all there is no row.
        ReferralStatistics.Counts total = rows.isEmpty() || !rows.get(0).total()
                ? new ReferralStatistics.Counts(null, null, 0, 0, 0, 0, 0, 0, 0, null, null, null)
                : rows.get(0).counts();
        List<ReferralStatistics.Counts> pairs =
                rows.stream().filter(r -> !r.total()).map(Row::counts).toList();
        return new ReferralStatistics(from, to, total, pairs);
    }

    private record Row(boolean total, ReferralStatistics.Counts counts) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        long accepted = rs.getLong("accepted");
        long answered = rs.getLong("answered");
        long referrals = rs.getLong("referrals");
        UUID from = rs.getObject("from_clinic_id", UUID.class);
        return new Row(
                from == null,
                new ReferralStatistics.Counts(
                        from,
                        rs.getObject("to_clinic_id", UUID.class),
                        referrals,
                        rs.getLong("pending"),
                        accepted,
                        rs.getLong("rejected"),
                        rs.getLong("completed"),
                        rs.getLong("cancelled"),
                        answered,
                        ReferralStatistics.Counts.rate(accepted, answered),
                        hours(rs, "to_accept"),
                        hours(rs, "to_complete")));
    }

    private static BigDecimal hours(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull()
                ? null
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }
}
