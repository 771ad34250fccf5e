package sa.tenhal.referrals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * The demo centre's past referrals (issue 20), drawn from {@code DemoHistory}'s visits so the referral statistics and
 * the dashboard mean something on the first start: a patient seen in one clinic and later in another was referred —
 * completed, the later visit linked as the loop's first appointment; some referrals rejected, a few accepted and
 * still open, one pending (made an hour ago, well inside its service level). Written straight into the table like
 * the visit history: no events, so no message goes out about a referral weeks old. Runs after {@code DemoReferrals}.
 */
@Component
@DemoData
@Order(65)
class DemoReferralHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferralHistory.class);

    private static final String[] REASONS = {
        "Assessment requested after the first sessions",
        "Second opinion on progress",
        "Sensory processing concerns",
        "Behaviour at home and school",
        "Feeding and swallowing review"
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ServiceLevels serviceLevels;
    private final ClinicTime time;

    DemoReferralHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ServiceLevels serviceLevels, ClinicTime time) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.serviceLevels = serviceLevels;
        this.time = time;
    }

    record Visit(UUID id, UUID patient, UUID clinic, UUID provider, Instant startsAt, Instant completedAt) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Instant now = time.now();
        if (jdbc.sql("select exists (select 1 from referral where created_at < :before)")
                .param("before", ts(now.minus(Duration.ofDays(25))))
                .query(Boolean.class)
                .single()) {
            return;
        }
        // the appointments module's history, read as plain rows
        List<Visit> visits = jdbc.sql("""
                        select id, patient_id, clinic_id, provider_id, starts_at, completed_at from appointment
                        where status = 'COMPLETED' and completed_at < :now order by starts_at, id""")
                .param("now", ts(now.minus(Duration.ofDays(1))))
                .query((rs, n) -> new Visit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        if (visits.size() < 20) {
            return;
        }
        Set<String> open = new HashSet<>(jdbc.sql("select patient_id || '/' || to_clinic_id from referral"
                        + " where status in ('PENDING', 'ACCEPTED') and to_clinic_id is not null")
                .query(String.class)
                .list());
        Set<UUID> used = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        int completed = 0;
        int rejected = 0;
        int accepted = 0;
        // completed: a visit in one clinic, the same patient's later visit (3+ days on) in another — the closed loop
        for (int i = 0; i < visits.size() && completed < 8; i += 7) {
            Visit from = visits.get(i);
            if (used.contains(from.patient())) {
                continue;
            }
            for (int j = i + 1; j < visits.size(); j++) {
                Visit to = visits.get(j);
                if (to.patient().equals(from.patient())
                        && !to.clinic().equals(from.clinic())
                        && to.startsAt().isAfter(from.completedAt().plus(Duration.ofDays(3)))) {
                    Instant created = from.completedAt().plus(Duration.ofMinutes(20));
                    Urgency urgency = completed % 3 == 0 ? Urgency.URGENT : Urgency.ROUTINE;
                    Instant decided = created.plus(Duration.ofHours(completed % 2 == 0 ? 5 : 26));
                    rows.add(row(
                            from,
                            to.clinic(),
                            urgency,
                            created,
                            ReferralStatus.COMPLETED,
                            decided,
                            to.completedAt(),
                            to.id(),
                            completed));
                    used.add(from.patient());
                    completed++;
                    break;
                }
            }
        }
        // rejected and accepted (still open): another clinic than the visit's, patients not yet used
        List<UUID> clinics = visits.stream().map(Visit::clinic).distinct().toList();
        for (int i = 3; i < visits.size() && (rejected < 4 || accepted < 3); i += 11) {
            Visit from = visits.get(i);
            if (used.contains(from.patient())) {
                continue;
            }
            UUID to = clinics.get((clinics.indexOf(from.clinic()) + 1 + i % 3) % clinics.size());
            if (to.equals(from.clinic())) {
                continue;
            }
            Instant created = from.completedAt().plus(Duration.ofMinutes(20));
            long daysAgo = Duration.between(created, now).toDays();
            if (rejected < 4) {
                rows.add(row(
                        from,
                        to,
                        Urgency.ROUTINE,
                        created,
                        ReferralStatus.REJECTED,
                        created.plus(Duration.ofHours(30)),
                        null,
                        null,
                        rejected));
                rejected++;
            } else if (daysAgo < 30 && !open.contains(from.patient() + "/" + to)) {
                rows.add(row(
                        from,
                        to,
                        Urgency.ROUTINE,
                        created,
                        ReferralStatus.ACCEPTED,
                        created.plus(Duration.ofHours(20)),
                        null,
                        null,
                        accepted));
                open.add(from.patient() + "/" + to);
                accepted++;
            } else {
                continue;
            }
            used.add(from.patient());
        }
        // pending: made an hour ago after the latest visit, well inside its service level (no reminder due)
        for (int i = visits.size() - 1; i >= 0; i--) {
            Visit from = visits.get(i);
            UUID to = clinics.get((clinics.indexOf(from.clinic()) + 1) % clinics.size());
            if (!used.contains(from.patient())
                    && !open.contains(from.patient() + "/" + to)
                    && !to.equals(from.clinic())) {
                rows.add(row(
                        from,
                        to,
                        Urgency.ROUTINE,
                        now.minus(Duration.ofHours(1)),
                        ReferralStatus.PENDING,
                        null,
                        null,
                        null,
                        0));
                break;
            }
        }
        jdbcTemplate.batchUpdate(INSERT, rows);
        log.info(
                "Demo history: {} past referrals ({} completed, {} rejected, {} accepted)",
                rows.size(),
                completed,
                rejected,
                accepted);
    }

    private Object[] row(
            Visit from,
            UUID to,
            Urgency urgency,
            Instant created,
            ReferralStatus status,
            Instant decided,
            Instant completedAt,
            UUID firstAppointment,
            int n) {
        boolean rejected = status == ReferralStatus.REJECTED;
        return new Object[] {
            UUID.nameUUIDFromBytes(("demo-history-referral-" + from.id() + "/" + to).getBytes()),
            from.patient(),
            from.clinic(),
            from.provider(),
            to,
            REASONS[n % REASONS.length],
            urgency.name(),
            status.name(),
            ts(created),
            ts(serviceLevels.respondBy(created, urgency)),
            decided != null && !rejected ? ts(decided) : null,
            rejected ? ts(decided) : null,
            rejected ? "Not the right clinic for this concern; seen elsewhere" : null,
            completedAt == null ? null : ts(completedAt),
            firstAppointment
        };
    }

    static final String INSERT = """
            insert into referral (id, patient_id, from_clinic_id, from_provider_id, to_clinic_id, reason, urgency, status,
                created_at, respond_by, accepted_at, rejected_at, rejection_reason, completed_at, first_appointment_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
