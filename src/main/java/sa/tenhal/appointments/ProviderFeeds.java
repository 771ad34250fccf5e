package sa.tenhal.appointments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.SecretTokens;
import sa.tenhal.platform.documents.CalendarFiles;
import sa.tenhal.shared.Language;

/**
 * Each provider's private calendar subscription ({@code /p/calendar/<token>.ics}) that phone and desktop calendars
 * subscribe to: read-only, revocable, the token's SHA-256 alone kept. It lists the provider's visits from 30 days back
 * to 90 days ahead, each with the patient's initials only (never a name), the service and the clinic; cancelled ones
 * stay in as {@code STATUS:CANCELLED} so that subscribed calendars drop them. UIDs are the appointments', stable across
 * moves.
 */
@Service
@Transactional
public class ProviderFeeds {

    private final JdbcClient jdbc;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final CalendarFiles calendars;
    private final ClinicTime time;

    ProviderFeeds(
            JdbcClient jdbc,
            ClinicCatalog catalog,
            PatientRegistry patients,
            CalendarFiles calendars,
            ClinicTime time) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.patients = patients;
        this.calendars = calendars;
        this.time = time;
    }

    /** The path of a feed (the token is its last segment, before {@code .ics}). */
    public static String path(String token) {
        return "/p/calendar/" + token + ".ics";
    }

    /** A new feed for the provider, replacing any earlier one (whose address stops working); the token, shown once. */
    public String issue(ProviderId provider) {
        catalog.provider(provider); // 404 for an unknown provider
        String token = SecretTokens.newSecret();
        jdbc.sql("""
                        insert into provider_calendar_feed (provider_id, token_hash, created_at, created_by)
                        values (:p, :h, :now, :by)
                        on conflict (provider_id) do update
                        set token_hash = excluded.token_hash, created_at = excluded.created_at,
                            created_by = excluded.created_by
                        """)
                .param("p", provider.value())
                .param("h", SecretTokens.sha256(token))
                .param("now", Timestamp.from(time.now()))
                .param("by", Actor.currentUserId())
                .update();
        return token;
    }

    /** The feed stops working at once. */
    public void revoke(ProviderId provider) {
        jdbc.sql("delete from provider_calendar_feed where provider_id = :p")
                .param("p", provider.value())
                .update();
    }

    /** The calendar behind a feed's token; empty for unknown, revoked and malformed tokens. */
    @Transactional(readOnly = true)
    public Optional<byte[]> feed(String token) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select provider_id from provider_calendar_feed where token_hash = :h")
                .param("h", SecretTokens.sha256(token))
                .query(UUID.class)
                .optional()
                .map(p -> calendar(new ProviderId(p)));
    }

    private byte[] calendar(ProviderId provider) {
        Instant now = time.now();
        record Row(UUID id, UUID patient, UUID service, UUID clinic, Instant start, Instant end, String status) {}
        List<Row> rows = jdbc.sql("""
                        select id, patient_id, service_id, clinic_id, starts_at, ends_at, status from appointment
                        where provider_id = :p and starts_at >= :from and starts_at < :to
                          and status not in ('NO_SHOW')
                        order by starts_at limit 2000
                        """)
                .param("p", provider.value())
                .param("from", Timestamp.from(now.minus(Duration.ofDays(30))))
                .param("to", Timestamp.from(now.plus(Duration.ofDays(90))))
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
        Map<PatientId, PatientDetails> people = patients.findAll(
                rows.stream().map(r -> new PatientId(r.patient())).toList());
        var services = catalog.services(
                rows.stream().map(r -> new ServiceId(r.service())).collect(java.util.stream.Collectors.toSet()));
        var clinics = catalog.clinics(rows.stream()
                .map(r -> new sa.tenhal.clinics.ClinicId(r.clinic()))
                .collect(java.util.stream.Collectors.toSet()));
        List<CalendarFiles.CalendarEvent> events = new ArrayList<>();
        for (Row r : rows) {
            PatientDetails p = people.get(new PatientId(r.patient()));
            var service = services.get(new ServiceId(r.service()));
            var clinic = clinics.get(new sa.tenhal.clinics.ClinicId(r.clinic()));
            String summary = initials(p) + (service == null ? "" : " · " + service.name(Language.EN));
            events.add(new CalendarFiles.CalendarEvent(
                    r.id() + "@tenhal",
                    r.start(),
                    r.end(),
                    summary,
                    clinic == null ? null : clinic.name(Language.EN),
                    null,
                    null,
                    null,
                    "CANCELLED".equals(r.status())));
        }
        return calendars.feed("Tenhal · " + catalog.provider(provider).name(Language.EN), events, now);
    }

    /** "L. Q." — the patient's initials (Latin when the record has them, else Arabic), never the name. */
    static String initials(PatientDetails p) {
        if (p == null) {
            return "—";
        }
        String given = p.givenNameEn() != null ? p.givenNameEn() : p.givenNameAr();
        String family = p.givenNameEn() != null ? p.familyNameEn() : p.familyNameAr();
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {given, family}) {
            if (part != null && !part.isBlank()) {
                s.append(s.isEmpty() ? "" : " ")
                        .append(part.strip()
                                .codePoints()
                                .limit(1)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                        .append('.');
            }
        }
        return s.isEmpty() ? "—" : s.toString();
    }
}
