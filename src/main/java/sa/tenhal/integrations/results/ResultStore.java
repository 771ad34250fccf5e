package sa.tenhal.integrations.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sa.tenhal.platform.Ids;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.ResultFlag;

/** The results' tables (V52): reports, the revisions of their observations, messages seen, rejected messages. */
@Repository
public class ResultStore {

    /** A stored report's state as intake and the pages need it. */
    public record Stored(
            UUID id,
            String source,
            String externalId,
            OrderKind kind,
            String code,
            String display,
            ResultStatus status,
            ResultFlag flag,
            ResultMatching.State matchState,
            String matchNote,
            UUID orderId,
            UUID patientId,
            UUID orderedBy,
            String sentMrn,
            String sentNationalId,
            String sentFamily,
            String sentGiven,
            LocalDate sentBirthDate,
            String sentSex,
            String reportText,
            boolean hasPdf,
            String imagingStudy,
            Instant observedAt,
            Instant receivedAt,
            Instant updatedAt,
            Instant reviewedAt,
            UUID reviewedBy,
            long version) {}

    /** One revision of an observation. */
    public record StoredObservation(
            UUID id,
            UUID reportId,
            String key,
            int revision,
            int position,
            String code,
            String display,
            BigDecimal valueNum,
            String valueText,
            String unit,
            String refRange,
            String interpretation,
            ResultFlag flag,
            ResultStatus status,
            Instant observedAt,
            Instant receivedAt,
            Instant supersededAt) {

        public String value() {
            return valueNum != null ? valueNum.stripTrailingZeros().toPlainString() : valueText;
        }
    }

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a message as seen, naming the report it is expected to file first (so that a new report needs no second
     * statement to link it; {@link #linkMessage} corrects it when another report turns out to be the first); false
     * when it was seen before (a duplicate, or one another node is taking now: this waits for that one's commit).
     */
    boolean firstSight(String source, String messageId, UUID expectedReport, Instant at) {
        return jdbc.sql("insert into result_message (source, message_id, report_id, received_at) values (:s, :m, :r,"
                                + " :at) on conflict do nothing")
                        .param("s", source)
                        .param("m", messageId)
                        .param("r", expectedReport)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    void rejected(String source, String messageId, String code, String reason, String raw, Instant at) {
        jdbc.sql("insert into result_rejected (id, source, message_id, ack_code, reason, raw, received_at) values (:id,"
                        + " :s, :m, :c, :r, :raw, :at)")
                .param("id", Ids.newId())
                .param("s", source)
                .param("m", messageId)
                .param("c", code)
                .param("r", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .param("raw", raw == null ? "" : raw.replace('\u0000', ' '))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The report with this source id, locked until commit (a correction and its original never interleave). */
    Optional<Stored> lock(String source, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from result_report where source = :s and external_id = :e for update")
                .param("s", source)
                .param("e", externalId)
                .query(ResultStore::map)
                .optional();
    }

    /**
     * Inserts the report with this id and flag unless another transaction just did (then it is empty, and the caller
     * locks the other's with {@link #lock}); the inserted row is the caller's until commit, as if locked.
     */
    Optional<Stored> insert(UUID id, IncomingReport r, ResultMatching.Match match, ResultFlag flag, Instant now) {
        return jdbc.sql("""
                        insert into result_report (id, source, external_id, kind, code, code_system, display, status,
                            flag, match_state, match_note, order_id, patient_id, ordered_by, placer_order, sent_mrn,
                            sent_national_id, sent_family, sent_given, sent_birth_date, sent_sex, report_text, pdf,
                            imaging_study, observed_at, received_at, updated_at)
                        values (:id, :source, :external, :kind, :code, :system, :display, :status, :flag, :state,
                            :note, :order, :patient, :orderedBy, :placer, :mrn, :nid, :family, :given, :birth, :sex,
                            :text, :pdf, :study, :observed, :now, :now)
                        on conflict (source, external_id) do nothing
                        returning
                        """ + COLUMNS)
                .param("id", id)
                .param("flag", flag.name())
                .param("source", r.source())
                .param("external", r.externalId())
                .param(
                        "kind",
                        match.order() != null
                                ? match.order().kind().name()
                                : r.kind().name())
                .param("code", cut(r.code(), 40))
                .param("system", cut(r.codeSystem(), 100))
                .param("display", cut(r.display(), 300))
                .param("status", r.status().name())
                .param("state", match.state().name())
                .param("note", cut(match.note(), 300))
                .param("order", match.order() == null ? null : match.order().orderId())
                .param(
                        "patient",
                        match.patient() == null ? null : match.patient().value())
                .param("orderedBy", match.order() == null ? null : match.order().orderedBy())
                .param("placer", cut(r.placerOrder(), 80))
                .param("mrn", cut(r.patient().mrn(), 40))
                .param("nid", cut(r.patient().nationalId(), 40))
                .param("family", cut(r.patient().family(), 100))
                .param("given", cut(r.patient().given(), 100))
                .param("birth", r.patient().birthDate())
                .param("sex", cut(r.patient().sex(), 10))
                .param("text", r.reportText())
                .param("pdf", r.pdf())
                .param("study", cut(r.imagingStudy(), 300))
                .param("observed", ts(r.observedAt()))
                .param("now", Timestamp.from(now))
                .query(ResultStore::map)
                .optional();
    }

    /** Updates what a report resent or corrected says of itself; true when anything changed. */
    boolean update(Stored stored, IncomingReport r, Instant now) {
        boolean changed = stored.status() != r.status()
                || !java.util.Objects.equals(stored.reportText(), r.reportText())
                || (r.pdf() != null && !stored.hasPdf());
        if (r.pdf() != null && stored.hasPdf()) {
            changed |= jdbc.sql("select pdf <> :pdf from result_report where id = :id")
                    .param("pdf", r.pdf())
                    .param("id", stored.id())
                    .query(Boolean.class)
                    .single();
        }
        if (!changed) {
            return false;
        }
        jdbc.sql("update result_report set status = :status, report_text = coalesce(:text, report_text), pdf ="
                        + " coalesce(:pdf, pdf), imaging_study = coalesce(:study, imaging_study), observed_at ="
                        + " coalesce(:observed, observed_at), updated_at = :now, version = version + 1 where id = :id")
                .param("status", r.status().name())
                .param("text", r.reportText())
                .param("pdf", r.pdf())
                .param("study", cut(r.imagingStudy(), 300))
                .param("observed", ts(r.observedAt()))
                .param("now", Timestamp.from(now))
                .param("id", stored.id())
                .update();
        return true;
    }

    /**
     * Files the observation: the first revision, or a new one that supersedes the current (a correction, a final
     * after a preliminary); nothing when it says what the current one says. True when a revision was added.
     */
    boolean observation(UUID reportId, IncomingReport.Observation o, int position, Instant now) {
        Optional<StoredObservation> current = jdbc.sql("select * from result_observation where report_id = :r and"
                        + " obs_key = :k and superseded_at is null")
                .param("r", reportId)
                .param("k", cut(o.key(), 160))
                .query(ResultStore::mapObservation)
                .optional();
        int revision = 1;
        if (current.isPresent()) {
            IncomingReport.Observation was = new IncomingReport.Observation(
                    o.key(),
                    o.code(),
                    o.codeSystem(),
                    o.display(),
                    current.get().valueNum(),
                    current.get().valueText(),
                    current.get().unit(),
                    current.get().refRange(),
                    null,
                    null,
                    current.get().interpretation(),
                    current.get().flag(),
                    current.get().status(),
                    null);
            if (!o.differsFrom(was)) {
                return false;
            }
            jdbc.sql("update result_observation set superseded_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", current.get().id())
                    .update();
            revision = current.get().revision() + 1;
        }
        jdbc.sql("""
                        insert into result_observation (id, report_id, obs_key, revision, position, code, code_system,
                            display, value_num, value_text, unit, ref_range, ref_low, ref_high, interpretation, flag,
                            status, observed_at, received_at)
                        values (:id, :r, :k, :rev, :pos, :code, :system, :display, :num, :text, :unit, :range, :low,
                            :high, :interp, :flag, :status, :observed, :now)
                        """)
                .param("id", Ids.newId())
                .param("r", reportId)
                .param("k", cut(o.key(), 160))
                .param("rev", revision)
                .param("pos", position)
                .param("code", cut(o.code(), 40))
                .param("system", cut(o.codeSystem(), 100))
                .param("display", cut(o.display(), 300))
                .param("num", o.valueNum())
                .param("text", o.valueText())
                .param("unit", cut(o.unit(), 40))
                .param("range", cut(o.refRange(), 80))
                .param("low", o.refLow())
                .param("high", o.refHigh())
                .param("interp", cut(o.interpretation(), 4))
                .param("flag", o.flag().name())
                .param("status", o.status().name())
                .param("observed", ts(o.observedAt()))
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    /**
     * Files the observations of a report just inserted, each its first revision, in one statement: what
     * {@link #observation} does for a report with nothing current yet, when no two observations share a key.
     */
    void firstObservations(UUID reportId, List<IncomingReport.Observation> observations, Instant now) {
        if (observations.isEmpty()) {
            return;
        }
        JdbcClient.StatementSpec insert = jdbc.sql(observationsInsert(observations.size()))
                .param("r", reportId)
                .param("now", Timestamp.from(now));
        for (int i = 0; i < observations.size(); i++) {
            IncomingReport.Observation o = observations.get(i);
            insert = insert.param("id" + i, Ids.newId())
                    .param("k" + i, cut(o.key(), 160))
                    .param("code" + i, cut(o.code(), 40))
                    .param("system" + i, cut(o.codeSystem(), 100))
                    .param("display" + i, cut(o.display(), 300))
                    .param("num" + i, o.valueNum())
                    .param("text" + i, o.valueText())
                    .param("unit" + i, cut(o.unit(), 40))
                    .param("range" + i, cut(o.refRange(), 80))
                    .param("low" + i, o.refLow())
                    .param("high" + i, o.refHigh())
                    .param("interp" + i, cut(o.interpretation(), 4))
                    .param("flag" + i, o.flag().name())
                    .param("status" + i, o.status().name())
                    .param("observed" + i, ts(o.observedAt()));
        }
        insert.update();
    }

    // the statement for 1, 2, … observations, written once each (a lab sends the same panels again and again)
    private static final java.util.concurrent.ConcurrentMap<Integer, String> OBSERVATIONS_INSERT =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String observationsInsert(int rows) {
        return rows > 64
                ? observationsInsertOf(rows)
                : OBSERVATIONS_INSERT.computeIfAbsent(rows, n -> observationsInsertOf(n));
    }

    private static String observationsInsertOf(int n) {
        {
            StringBuilder sql = new StringBuilder("""
                    insert into result_observation (id, report_id, obs_key, revision, position, code, code_system,
                        display, value_num, value_text, unit, ref_range, ref_low, ref_high, interpretation, flag,
                        status, observed_at, received_at)
                    values""");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? " " : ", ")
                        .append(String.format(
                                "(:id%1$d, :r, :k%1$d, 1, %2$d, :code%1$d, :system%1$d, :display%1$d, :num%1$d,"
                                        + " :text%1$d, :unit%1$d, :range%1$d, :low%1$d, :high%1$d, :interp%1$d,"
                                        + " :flag%1$d, :status%1$d, :observed%1$d, :now)",
                                i, i + 1));
            }
            return sql.toString();
        }
    }

    /** Sets the report's flag to the worst of its current observations; returns it. */
    ResultFlag reflag(UUID reportId) {
        String worst = jdbc.sql("""
                        select coalesce(max(case flag when 'CRITICAL' then 3 when 'ABNORMAL' then 2 else 1 end), 1)
                        from result_observation where report_id = :r and superseded_at is null
                        """)
                .param("r", reportId)
                .query(Integer.class)
                .optional()
                .map(n -> n == 3 ? "CRITICAL" : n == 2 ? "ABNORMAL" : "NORMAL")
                .orElse("NORMAL");
        jdbc.sql("update result_report set flag = :f where id = :r")
                .param("f", worst)
                .param("r", reportId)
                .update();
        return ResultFlag.valueOf(worst);
    }

    void linkMessage(String source, String messageId, UUID reportId) {
        jdbc.sql("update result_message set report_id = :r where source = :s and message_id = :m")
                .param("r", reportId)
                .param("s", source)
                .param("m", messageId)
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from result_report where id = :id")
                .param("id", id)
                .query(ResultStore::map)
                .optional();
    }

    Optional<Stored> lockById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from result_report where id = :id for update")
                .param("id", id)
                .query(ResultStore::map)
                .optional();
    }

    Optional<byte[]> pdf(UUID id) {
        return jdbc.sql("select pdf from result_report where id = :id and pdf is not null")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    /** The current observations of a report, in the order the source sent them. */
    List<StoredObservation> current(UUID reportId) {
        return jdbc.sql("select * from result_observation where report_id = :r and superseded_at is null order by"
                        + " position, obs_key")
                .param("r", reportId)
                .query(ResultStore::mapObservation)
                .list();
    }

    /** Every revision of a report's observations, oldest first (the history of corrections). */
    List<StoredObservation> history(UUID reportId) {
        return jdbc.sql("select * from result_observation where report_id = :r order by position, obs_key, revision")
                .param("r", reportId)
                .query(ResultStore::mapObservation)
                .list();
    }

    List<Stored> ofPatient(UUID patient, int limit) {
        return jdbc.sql("select " + COLUMNS + " from result_report where patient_id = :p and match_state <> 'QUEUED'"
                        + " order by coalesce(observed_at, received_at) desc limit :l")
                .param("p", patient)
                .param("l", limit)
                .query(ResultStore::map)
                .list();
    }

    List<Stored> ofOrder(UUID order) {
        return jdbc.sql("select " + COLUMNS + " from result_report where order_id = :o order by received_at")
                .param("o", order)
                .query(ResultStore::map)
                .list();
    }

    /** Every current numeric value of the patient's tests, oldest first (the trends on the profile). */
    List<TrendPoint> numericHistory(UUID patient) {
        return jdbc.sql("""
                        select o.code, o.display, o.unit, o.value_num, coalesce(o.observed_at, r.observed_at,
                            r.received_at) as at, o.ref_low, o.ref_high, o.flag
                        from result_observation o join result_report r on r.id = o.report_id
                        where r.patient_id = :p and r.match_state <> 'QUEUED' and o.superseded_at is null
                            and o.value_num is not null and o.status <> 'CANCELLED'
                        order by o.code, at
                        """)
                .param("p", patient)
                .query((rs, n) -> new TrendPoint(
                        rs.getString("code"),
                        rs.getString("display"),
                        rs.getString("unit"),
                        rs.getBigDecimal("value_num"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getBigDecimal("ref_low"),
                        rs.getBigDecimal("ref_high"),
                        ResultFlag.valueOf(rs.getString("flag"))))
                .list();
    }

    public record TrendPoint(
            String code,
            String display,
            String unit,
            BigDecimal value,
            Instant at,
            BigDecimal low,
            BigDecimal high,
            ResultFlag flag) {}

    /** Unreviewed results of the patients of a clinician's orders: their inbox, worst first. */
    List<Stored> unreviewedFor(UUID clinician, int limit) {
        return jdbc.sql("select " + COLUMNS + " from result_report where ordered_by = :u and reviewed_at is null and"
                        + " match_state <> 'QUEUED' order by case flag when 'CRITICAL' then 0 when 'ABNORMAL' then 1"
                        + " else 2 end, received_at desc limit :l")
                .param("u", clinician)
                .param("l", limit)
                .query(ResultStore::map)
                .list();
    }

    List<Stored> queue(int limit) {
        return jdbc.sql("select " + COLUMNS + " from result_report where match_state = 'QUEUED' order by received_at"
                        + " limit :l")
                .param("l", limit)
                .query(ResultStore::map)
                .list();
    }

    int queued() {
        return jdbc.sql("select count(*) from result_report where match_state = 'QUEUED'")
                .query(Integer.class)
                .single();
    }

    void attach(UUID id, UUID patient, UUID order, UUID orderedBy, String note, Instant now) {
        jdbc.sql("update result_report set match_state = 'MANUAL', patient_id = :p, order_id = :o, ordered_by = :b,"
                        + " match_note = :n, updated_at = :now, version = version + 1 where id = :id")
                .param("p", patient)
                .param("o", order)
                .param("b", orderedBy)
                .param("n", cut(note, 300))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    boolean reviewed(UUID id, UUID by, Instant now) {
        return jdbc.sql("update result_report set reviewed_at = :now, reviewed_by = :by, version = version + 1 where"
                                + " id = :id and reviewed_at is null")
                        .param("now", Timestamp.from(now))
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A correction or an addition to a reviewed report: it must be reviewed again. */
    void unreview(UUID id) {
        jdbc.sql("update result_report set reviewed_at = null, reviewed_by = null where id = :id")
                .param("id", id)
                .update();
    }

    /** Other results of the same order still unreviewed. */
    int unreviewedOfOrder(UUID order) {
        return jdbc.sql("select count(*) from result_report where order_id = :o and reviewed_at is null")
                .param("o", order)
                .query(Integer.class)
                .single();
    }

    static final String COLUMNS = "id, source, external_id, kind, code, display, status, flag, match_state, match_note,"
            + " order_id, patient_id, ordered_by, sent_mrn, sent_national_id, sent_family, sent_given, sent_birth_date,"
            + " sent_sex, report_text, pdf is not null as has_pdf, imaging_study, observed_at, received_at, updated_at,"
            + " reviewed_at, reviewed_by, version";

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("external_id"),
                OrderKind.valueOf(rs.getString("kind")),
                rs.getString("code"),
                rs.getString("display"),
                ResultStatus.valueOf(rs.getString("status")),
                ResultFlag.valueOf(rs.getString("flag")),
                ResultMatching.State.valueOf(rs.getString("match_state")),
                rs.getString("match_note"),
                rs.getObject("order_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("ordered_by", UUID.class),
                rs.getString("sent_mrn"),
                rs.getString("sent_national_id"),
                rs.getString("sent_family"),
                rs.getString("sent_given"),
                rs.getObject("sent_birth_date", LocalDate.class),
                rs.getString("sent_sex"),
                rs.getString("report_text"),
                rs.getBoolean("has_pdf"),
                rs.getString("imaging_study"),
                instant(rs, "observed_at"),
                instant(rs, "received_at"),
                instant(rs, "updated_at"),
                instant(rs, "reviewed_at"),
                rs.getObject("reviewed_by", UUID.class),
                rs.getLong("version"));
    }

    private static StoredObservation mapObservation(ResultSet rs, int row) throws SQLException {
        return new StoredObservation(
                rs.getObject("id", UUID.class),
                rs.getObject("report_id", UUID.class),
                rs.getString("obs_key"),
                rs.getInt("revision"),
                rs.getInt("position"),
                rs.getString("code"),
                rs.getString("display"),
                rs.getBigDecimal("value_num"),
                rs.getString("value_text"),
                rs.getString("unit"),
                rs.getString("ref_range"),
                rs.getString("interpretation"),
                ResultFlag.valueOf(rs.getString("flag")),
                ResultStatus.valueOf(rs.getString("status")),
                instant(rs, "observed_at"),
                instant(rs, "received_at"),
                instant(rs, "superseded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** The key an observation is stored under (obs_key). */
    static String key(IncomingReport.Observation o) {
        return cut(o.key(), 160);
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
