package sa.tenhal.appointments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is busy when, straight from the appointment table: the statuses that hold time, the provider's and room's busy
 * time including the buffer, the patient's without. The queries use the exclusion constraints' GiST indexes.
 */
@Component
class Occupancy {

    private static final String HOLDING = "status not in ('CANCELLED', 'NO_SHOW')";

    private static final String CONFLICTS = """
            select 'PROVIDER' as kind, id, starts_at, ends_at from appointment
             where provider_id = :provider and tstzrange(starts_at, busy_until) && tstzrange(:start, :busy)
               and %1$s and id <> :self
            union all
            select 'ROOM', id, starts_at, ends_at from appointment
             where cast(:room as uuid) is not null and room_id = :room
               and tstzrange(starts_at, busy_until) && tstzrange(:start, :busy) and %1$s and id <> :self
            union all
            select 'PATIENT', id, starts_at, ends_at from appointment
             where patient_id = :patient and tstzrange(starts_at, ends_at) && tstzrange(:start, :end)
               and %1$s and id <> :self
            order by 1, 3, 2
            """.formatted(HOLDING);

    private final JdbcClient jdbc;

    Occupancy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes, until the transaction ends, one advisory lock per provider, room and patient a booking or move is about
     * to claim time of, in key order and in one statement, so two of them never wait on each other. Bookings that
     * could clash then run one after the other: the second sees the first's appointment in its check and is refused
     * with the conflict listed. Without them, two inserts that clash wait on each other inside the exclusion
     * constraints, and PostgreSQL breaks that deadlock after a second by failing one of them. A key is 64 bits of the
     * id; two ids sharing one only make their bookings queue.
     */
    void lock(Collection<UUID> ids) {
        long[] keys = keys(ids);
        if (keys.length == 0) {
            return;
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("pg_advisory_xact_lock(?)");
        }
        jdbc.sql(sql.toString()).params(boxed(keys)).query((rs, n) -> 1).list();
    }

    /**
     * As {@link #lock} without waiting: true when every lock was free and is now held. On false the locks before the
     * first busy one (in key order) are held, which keeps a later {@link #lock} of the same ids in key order.
     */
    boolean tryLock(Collection<UUID> ids) {
        long[] keys = keys(ids);
        if (keys.length == 0) {
            return true;
        }
        // nested CASEs: each lock is tried only after the ones before it were taken
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < keys.length; i++) {
            sql.append("case when pg_try_advisory_xact_lock(?) then ");
        }
        sql.append("true");
        for (int i = 0; i < keys.length; i++) {
            sql.append(" else false end");
        }
        return Boolean.TRUE.equals(jdbc.sql(sql.toString())
                .params(boxed(keys))
                .query(Boolean.class)
                .single());
    }

    private static long[] keys(Collection<UUID> ids) {
        return ids.stream()
                .mapToLong(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .distinct()
                .sorted()
                .toArray();
    }

    private static List<Object> boxed(long[] keys) {
        return java.util.Arrays.stream(keys).boxed().map(Object.class::cast).toList();
    }

    /** Every appointment a placement would overlap, except {@code self} (the appointment being moved). */
    List<Conflict> conflicts(Placement p, UUID patient, UUID self) {
        return jdbc.sql(CONFLICTS)
                .param("provider", p.provider().value())
                .param("room", p.room() == null ? null : p.room().value())
                .param("patient", patient)
                .param("start", ts(p.startsAt()))
                .param("end", ts(p.endsAt()))
                .param("busy", ts(p.busyUntil()))
                .param("self", self == null ? new UUID(0, 0) : self)
                .query((rs, n) -> new Conflict(
                        Conflict.Kind.valueOf(rs.getString(1)),
                        new AppointmentId(rs.getObject(2, UUID.class)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Busy time (start to busy-until) of each provider in {@code from} (inclusive) to {@code to} (exclusive). */
    Map<UUID, List<Interval>> providersBusy(Collection<UUID> providers, Instant from, Instant to, UUID except) {
        return busy("provider_id", "busy_until", providers, from, to, except);
    }

    Map<UUID, List<Interval>> roomsBusy(Collection<UUID> rooms, Instant from, Instant to, UUID except) {
        return busy("room_id", "busy_until", rooms, from, to, except);
    }

    List<Interval> patientBusy(UUID patient, Instant from, Instant to, UUID except) {
        return busy("patient_id", "ends_at", List.of(patient), from, to, except).getOrDefault(patient, List.of());
    }

    private Map<UUID, List<Interval>> busy(
            String column, String end, Collection<UUID> ids, Instant from, Instant to, UUID except) {
        Map<UUID, List<Interval>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        // an appointment fits in a day, so a lower bound on its start keeps the index range short however long the
        // history is
        jdbc.sql(("select %1$s, starts_at, %2$s from appointment where %1$s in (:ids) and starts_at < :to"
                                + " and starts_at > :earliest and %2$s > :from and " + HOLDING
                                + " and id <> :except")
                        .formatted(column, end))
                .param("ids", ids)
                .param("from", ts(from))
                .param("earliest", ts(from.minus(java.time.Duration.ofDays(1))))
                .param("to", ts(to))
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new Interval(
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getTimestamp(3).toInstant()));
                });
        return out;
    }

    // an OffsetDateTime travels as timestamptz, whatever the session's time zone
    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
