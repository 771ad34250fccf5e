package sa.tenhal.visits;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StaleVersionException;

/** Where visit records and what was recorded in them are kept (plain SQL: the profile reads them in bulk). */
@Repository
class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the record

    Optional<VisitRecord> find(UUID id) {
        return jdbc.sql("select * from visit_record where id = :id")
                .param("id", id)
                .query(this::recordRow)
                .optional();
    }

    Optional<VisitRecord> forAppointment(UUID appointmentId) {
        return jdbc.sql("select * from visit_record where appointment_id = :a")
                .param("a", appointmentId)
                .query(this::recordRow)
                .optional();
    }

    /** Locks the record's row for a change (two clinicians writing at once take turns). */
    Optional<VisitRecord> lock(UUID id) {
        return jdbc.sql("select * from visit_record where id = :id for update")
                .param("id", id)
                .query(this::recordRow)
                .optional();
    }

    /** Inserts a new record; false (nothing written) when its appointment has one already (opened concurrently). */
    boolean insert(VisitRecord r) {
        int inserted = jdbc.sql("""
                        insert into visit_record (id, version, appointment_id, patient_id, clinic_id, provider_id,
                            service_id, discipline, note_kind, visit_at, reason, subjective, objective, assessment, plan,
                            activities, home_programme, opened_at, opened_by, updated_at)
                        values (:id, 0, :appointment, :patient, :clinic, :provider, :service, :discipline, :kind, :visitAt,
                            :reason, :subjective, :objective, :assessment, :plan, :activities, :home, :openedAt,
                            :openedBy, :updatedAt)
                        on conflict (appointment_id) do nothing
                        """)
                .param("id", r.id)
                .param("appointment", r.appointmentId)
                .param("patient", r.patientId.value())
                .param("clinic", r.clinicId)
                .param("provider", r.providerId)
                .param("service", r.serviceId)
                .param("discipline", r.discipline.name())
                .param("kind", r.kind.name())
                .param("visitAt", Timestamp.from(r.visitAt))
                .param("reason", r.note.reason())
                .param("subjective", r.note.subjective())
                .param("objective", r.note.objective())
                .param("assessment", r.note.assessment())
                .param("plan", r.note.plan())
                .param("activities", r.note.activities())
                .param("home", r.note.homeProgramme())
                .param("openedAt", Timestamp.from(r.openedAt))
                .param("openedBy", r.openedBy)
                .param("updatedAt", Timestamp.from(r.updatedAt))
                .update();
        if (inserted == 0) {
            return false;
        }
        saveGoals(r);
        return true;
    }

    /** Saves a change; refused (stale) when someone else changed the record since {@code expectedVersion}. */
    void update(VisitRecord r, long expectedVersion) {
        int changed = jdbc.sql("""
                        update visit_record set version = version + 1, reason = :reason, subjective = :subjective,
                            objective = :objective, assessment = :assessment, plan = :plan, activities = :activities,
                            home_programme = :home, signed_at = :signedAt, signed_by = :signedBy,
                            signed_by_name = :signedByName, updated_at = :updatedAt
                        where id = :id and version = :version
                        """)
                .param("id", r.id)
                .param("version", expectedVersion)
                .param("reason", r.note.reason())
                .param("subjective", r.note.subjective())
                .param("objective", r.note.objective())
                .param("assessment", r.note.assessment())
                .param("plan", r.note.plan())
                .param("activities", r.note.activities())
                .param("home", r.note.homeProgramme())
                .param("signedAt", r.signedAt == null ? null : Timestamp.from(r.signedAt))
                .param("signedBy", r.signedBy)
                .param("signedByName", r.signedByName)
                .param("updatedAt", Timestamp.from(r.updatedAt))
                .update();
        if (changed == 0) {
            long current = jdbc.sql("select version from visit_record where id = :id")
                    .param("id", r.id)
                    .query(Long.class)
                    .single();
            throw new StaleVersionException("visit record", current);
        }
        r.version = expectedVersion + 1;
        saveGoals(r);
    }

    void insertAddendum(UUID visitId, VisitRecord.Addendum a) {
        jdbc.sql("""
                        insert into visit_addendum (id, visit_id, text, written_at, written_by, written_by_name)
                        values (:id, :visit, :text, :at, :by, :name)
                        """)
                .param("id", a.id())
                .param("visit", visitId)
                .param("text", a.text())
                .param("at", Timestamp.from(a.writtenAt()))
                .param("by", a.writtenBy())
                .param("name", a.writtenByName())
                .update();
    }

    private void saveGoals(VisitRecord r) {
        jdbc.sql("delete from visit_goal where visit_id = :id")
                .param("id", r.id)
                .update();
        int position = 0;
        for (NoteContent.Goal g : r.note.goals()) {
            jdbc.sql("insert into visit_goal (visit_id, position, goal, progress) values (:id, :p, :g, :progress)")
                    .param("id", r.id)
                    .param("p", position++)
                    .param("g", g.goal())
                    .param("progress", g.progress())
                    .update();
        }
    }

    private VisitRecord recordRow(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<NoteContent.Goal> goals = jdbc.sql(
                        "select goal, progress from visit_goal where visit_id = :id order by position")
                .param("id", id)
                .query((g, n) -> new NoteContent.Goal(g.getString(1), g.getString(2)))
                .list();
        List<VisitRecord.Addendum> addenda = jdbc.sql("""
                        select id, text, written_at, written_by, written_by_name from visit_addendum
                        where visit_id = :id order by written_at, id
                        """)
                .param("id", id)
                .query((a, n) -> new VisitRecord.Addendum(
                        a.getObject(1, UUID.class),
                        a.getString(2),
                        instant(a, "written_at"),
                        a.getObject(4, UUID.class),
                        a.getString(5)))
                .list();
        return new VisitRecord(
                id,
                rs.getLong("version"),
                rs.getObject("appointment_id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getObject("clinic_id", UUID.class),
                rs.getObject("provider_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                Discipline.valueOf(rs.getString("discipline")),
                NoteKind.valueOf(rs.getString("note_kind")),
                instant(rs, "visit_at"),
                new NoteContent(
                        rs.getString("reason"),
                        rs.getString("subjective"),
                        rs.getString("objective"),
                        rs.getString("assessment"),
                        rs.getString("plan"),
                        goals,
                        rs.getString("activities"),
                        rs.getString("home_programme")),
                instant(rs, "opened_at"),
                rs.getObject("opened_by", UUID.class),
                instant(rs, "signed_at"),
                rs.getObject("signed_by", UUID.class),
                rs.getString("signed_by_name"),
                instant(rs, "updated_at"),
                addenda);
    }

    // --- vitals

    UUID insertVitals(UUID visitId, UUID patientId, Instant at, Vitals v, UUID by) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into visit_vitals (id, visit_id, patient_id, measured_at, weight_kg, height_cm, head_cm,
                            temperature_c, heart_rate, respiratory_rate, systolic, diastolic, spo2, recorded_by)
                        values (:id, :visit, :patient, :at, :w, :h, :head, :t, :hr, :rr, :sys, :dia, :spo2, :by)
                        """)
                .param("id", id)
                .param("visit", visitId)
                .param("patient", patientId)
                .param("at", Timestamp.from(at))
                .param("w", v.weightKg())
                .param("h", v.heightCm())
                .param("head", v.headCircumferenceCm())
                .param("t", v.temperatureC())
                .param("hr", v.heartRate())
                .param("rr", v.respiratoryRate())
                .param("sys", v.systolic())
                .param("dia", v.diastolic())
                .param("spo2", v.spo2())
                .param("by", by)
                .update();
        return id;
    }

    List<VitalsView> vitalsOfVisit(UUID visitId) {
        return jdbc.sql("select * from visit_vitals where visit_id = :v order by measured_at")
                .param("v", visitId)
                .query(VisitStore::vitalsRow)
                .list();
    }

    List<VitalsView> vitalsOfPatient(UUID patientId) {
        return jdbc.sql("select * from visit_vitals where patient_id = :p order by measured_at")
                .param("p", patientId)
                .query(VisitStore::vitalsRow)
                .list();
    }

    /** The patient's latest {@code limit} measurings of vitals, newest first (the profile's table). */
    List<VitalsView> latestVitalsOfPatient(UUID patientId, int limit) {
        return jdbc.sql("select * from visit_vitals where patient_id = :p order by measured_at desc limit :n")
                .param("p", patientId)
                .param("n", limit)
                .query(VisitStore::vitalsRow)
                .list();
    }

    /**
     * Every measuring of the patient's growth (weight, height or head circumference), oldest first, by the clinic's
     * date: three columns of the vitals' row, for the growth chart of the profile, which a child measured at every
     * visit for years makes the largest read of the page.
     */
    List<PatientRecord.GrowthPoint> growthOfPatient(UUID patientId, java.time.ZoneId zone) {
        return jdbc.sql("""
                        select (measured_at at time zone :zone)::date as on_day, weight_kg::float8 as weight_kg,
                               height_cm::float8 as height_cm, head_cm::float8 as head_cm
                          from visit_vitals
                         where patient_id = :p
                           and (weight_kg is not null or height_cm is not null or head_cm is not null)
                         order by measured_at
                        """)
                .param("p", patientId)
                .param("zone", zone.getId())
                .query((rs, n) -> new PatientRecord.GrowthPoint(
                        rs.getObject("on_day", java.time.LocalDate.class),
                        measure(rs, "weight_kg"),
                        measure(rs, "height_cm"),
                        measure(rs, "head_cm")))
                .list();
    }

    private static VitalsView vitalsRow(ResultSet rs, int row) throws SQLException {
        return new VitalsView(
                rs.getObject("id", UUID.class),
                rs.getObject("visit_id", UUID.class),
                instant(rs, "measured_at"),
                new Vitals(
                        decimal(rs, "weight_kg"),
                        decimal(rs, "height_cm"),
                        decimal(rs, "head_cm"),
                        decimal(rs, "temperature_c"),
                        integer(rs, "heart_rate"),
                        integer(rs, "respiratory_rate"),
                        integer(rs, "systolic"),
                        integer(rs, "diastolic"),
                        integer(rs, "spo2")));
    }

    // --- diagnoses and problems

    UUID insertDiagnosis(UUID visitId, UUID patientId, Icd10Code code, boolean primary, Instant at, UUID by) {
        UUID id = Ids.newId();
        if (primary) {
            jdbc.sql("update visit_diagnosis set rank = 'SECONDARY' where visit_id = :v and rank = 'PRIMARY'")
                    .param("v", visitId)
                    .update();
        }
        jdbc.sql("""
                        insert into visit_diagnosis (id, visit_id, patient_id, code, title_en, title_ar, rank,
                            recorded_at, recorded_by)
                        values (:id, :visit, :patient, :code, :en, :ar, :rank, :at, :by)
                        """)
                .param("id", id)
                .param("visit", visitId)
                .param("patient", patientId)
                .param("code", code.code())
                .param("en", code.titleEn())
                .param("ar", code.titleAr())
                .param("rank", primary ? "PRIMARY" : "SECONDARY")
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
        return id;
    }

    boolean hasDiagnosis(UUID visitId, String code) {
        return jdbc.sql("select count(*) from visit_diagnosis where visit_id = :v and code = :c")
                        .param("v", visitId)
                        .param("c", code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<DiagnosisView> diagnosis(UUID id) {
        return jdbc.sql("select * from visit_diagnosis where id = :id")
                .param("id", id)
                .query(VisitStore::diagnosisRow)
                .optional();
    }

    void deleteDiagnosis(UUID id) {
        jdbc.sql("delete from visit_diagnosis where id = :id").param("id", id).update();
    }

    List<DiagnosisView> diagnosesOfVisit(UUID visitId) {
        return jdbc.sql("select * from visit_diagnosis where visit_id = :v order by rank, recorded_at")
                .param("v", visitId)
                .query(VisitStore::diagnosisRow)
                .list();
    }

    /** The diagnoses of the patient's most recent visit that has any, primary first. */
    List<DiagnosisView> latestDiagnoses(UUID patientId) {
        return jdbc.sql("""
                        select * from visit_diagnosis where visit_id = (select visit_id from visit_diagnosis where
                        patient_id = :p order by recorded_at desc limit 1) order by rank, recorded_at
                        """)
                .param("p", patientId)
                .query(VisitStore::diagnosisRow)
                .list();
    }

    /** The diagnoses' codes of many visits at once (for the timeline), primary first. */
    Map<UUID, List<String>> diagnosisCodes(Collection<UUID> visits) {
        Map<UUID, List<String>> codes = new LinkedHashMap<>();
        if (visits.isEmpty()) {
            return codes;
        }
        jdbc.sql("""
                        select visit_id, code from visit_diagnosis where visit_id = any(cast(:v as uuid[]))
                        order by rank, recorded_at
                        """)
                .param("v", Ids.sqlArray(visits))
                .query((rs, n) -> {
                    codes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                    return null;
                })
                .list();
        return codes;
    }

    private static DiagnosisView diagnosisRow(ResultSet rs, int row) throws SQLException {
        return new DiagnosisView(
                rs.getObject("id", UUID.class),
                rs.getObject("visit_id", UUID.class),
                rs.getString("code"),
                rs.getString("title_en"),
                rs.getString("title_ar"),
                "PRIMARY".equals(rs.getString("rank")),
                instant(rs, "recorded_at"));
    }

    /** Adds the code to the patient's active problems, unless it is on the list already. */
    void addProblem(UUID patientId, Icd10Code code, LocalDate since, UUID visitId) {
        jdbc.sql("""
                        insert into patient_problem (id, patient_id, code, title_en, title_ar, since, first_visit)
                        values (:id, :patient, :code, :en, :ar, :since, :visit)
                        on conflict (patient_id, code) where resolved_on is null do nothing
                        """)
                .param("id", Ids.newId())
                .param("patient", patientId)
                .param("code", code.code())
                .param("en", code.titleEn())
                .param("ar", code.titleAr())
                .param("since", since)
                .param("visit", visitId)
                .update();
    }

    List<ProblemView> problems(UUID patientId) {
        return jdbc.sql("""
                        select * from patient_problem where patient_id = :p
                        order by resolved_on is not null, since desc, code
                        """).param("p", patientId).query(VisitStore::problemRow).list();
    }

    Optional<ProblemView> problem(UUID id, UUID patientId) {
        return jdbc.sql("select * from patient_problem where id = :id and patient_id = :p")
                .param("id", id)
                .param("p", patientId)
                .query(VisitStore::problemRow)
                .optional();
    }

    void resolveProblem(UUID id, LocalDate on, UUID by) {
        jdbc.sql("update patient_problem set resolved_on = :on, resolved_by = :by where id = :id")
                .param("id", id)
                .param("on", on)
                .param("by", by)
                .update();
    }

    private static ProblemView problemRow(ResultSet rs, int row) throws SQLException {
        return new ProblemView(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("title_en"),
                rs.getString("title_ar"),
                rs.getObject("since", LocalDate.class),
                rs.getObject("first_visit", UUID.class),
                rs.getObject("resolved_on", LocalDate.class));
    }

    // --- services performed

    void replaceServices(UUID visitId, List<PerformedService> services) {
        jdbc.sql("delete from visit_service where visit_id = :v")
                .param("v", visitId)
                .update();
        for (PerformedService s : services) {
            jdbc.sql("insert into visit_service (visit_id, service_id, quantity) values (:v, :s, :q)")
                    .param("v", visitId)
                    .param("s", s.serviceId())
                    .param("q", s.quantity())
                    .update();
        }
    }

    List<PerformedService> services(UUID visitId) {
        return jdbc.sql("select service_id, quantity from visit_service where visit_id = :v order by service_id")
                .param("v", visitId)
                .query((rs, n) -> new PerformedService(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    // --- orders

    UUID insertOrder(
            UUID visitId,
            UUID patientId,
            OrderKind kind,
            String code,
            String display,
            String note,
            Instant at,
            UUID by) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into visit_order (id, visit_id, patient_id, kind, code, display, note, status,
                            ordered_at, ordered_by)
                        values (:id, :visit, :patient, :kind, :code, :display, :note, 'ORDERED', :at, :by)
                        """)
                .param("id", id)
                .param("visit", visitId)
                .param("patient", patientId)
                .param("kind", kind.name())
                .param("code", code)
                .param("display", display)
                .param("note", note)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .update();
        return id;
    }

    Optional<OrderView> order(UUID id) {
        return jdbc.sql("select * from visit_order where id = :id")
                .param("id", id)
                .query(VisitStore::orderRow)
                .optional();
    }

    /** Moves the order to {@code status}; false when it was not at {@code from} any more. */
    boolean advanceOrder(UUID id, OrderStatus from, OrderStatus to, Instant at, UUID by) {
        String column =
                switch (to) {
                    case SENT -> "sent_at";
                    case RESULTED -> "resulted_at";
                    case REVIEWED -> "reviewed_at";
                    case ORDERED -> throw new IllegalArgumentException("an order is placed, not moved, to ORDERED");
                };
        var statement = jdbc.sql("update visit_order set status = :to, version = version + 1, " + column + " = :at"
                        + (to == OrderStatus.REVIEWED ? ", reviewed_by = :by" : "")
                        + " where id = :id and status = :from")
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .param("at", Timestamp.from(at));
        if (to == OrderStatus.REVIEWED) {
            statement = statement.param("by", by);
        }
        return statement.update() == 1;
    }

    Optional<OrderFacts> orderFacts(UUID id) {
        return jdbc.sql("select * from visit_order where id = :id")
                .param("id", id)
                .query((rs, n) -> new OrderFacts(
                        rs.getObject("id", UUID.class),
                        new VisitId(rs.getObject("visit_id", UUID.class)),
                        new sa.tenhal.patients.PatientId(rs.getObject("patient_id", UUID.class)),
                        OrderKind.valueOf(rs.getString("kind")),
                        rs.getString("code"),
                        rs.getString("display"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("ordered_by", UUID.class),
                        instant(rs, "ordered_at")))
                .optional();
    }

    /** Keeps the worst flag the order's results carry (what the desk's list of critical results shows). */
    void flagOrder(UUID id, ResultFlag flag) {
        jdbc.sql("update visit_order set result_flag = :flag, version = version + 1 where id = :id")
                .param("flag", flag.name())
                .param("id", id)
                .update();
    }

    /** Orders whose result is critical and not yet reviewed, oldest first. */
    List<OrderFacts> criticalUnreviewed(int limit) {
        return jdbc
                .sql("select id from visit_order where result_flag = 'CRITICAL' and status = 'RESULTED'"
                        + " order by resulted_at limit :l")
                .param("l", limit)
                .query(UUID.class)
                .list()
                .stream()
                .map(id -> orderFacts(id).orElseThrow())
                .toList();
    }

    /** Puts a sent or reviewed order at resulted (a result, or a correction of one, came in). */
    void reopenResulted(UUID id, OrderStatus from, Instant at) {
        jdbc.sql("update visit_order set status = 'RESULTED', version = version + 1, resulted_at = :at,"
                        + " reviewed_at = null, reviewed_by = null where id = :id and status = :from")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("from", from.name())
                .update();
    }

    List<OrderView> ordersOfVisit(UUID visitId) {
        return jdbc.sql("select * from visit_order where visit_id = :v order by ordered_at")
                .param("v", visitId)
                .query(VisitStore::orderRow)
                .list();
    }

    private static OrderView orderRow(ResultSet rs, int row) throws SQLException {
        OrderKind kind = OrderKind.valueOf(rs.getString("kind"));
        return new OrderView(
                rs.getObject("id", UUID.class),
                rs.getObject("visit_id", UUID.class),
                kind,
                rs.getString("code"),
                kind.system(),
                rs.getString("display"),
                rs.getString("note"),
                OrderStatus.valueOf(rs.getString("status")),
                instant(rs, "ordered_at"),
                instant(rs, "sent_at"),
                instant(rs, "resulted_at"),
                instant(rs, "reviewed_at"),
                rs.getLong("version"));
    }

    // --- lists

    /** The patient's visits, newest first (the timeline); {@code limit} of them from {@code offset}. */
    List<TimelineEntry> timeline(UUID patientId, int offset, int limit) {
        List<Object[]> rows = jdbc.sql("""
                        select id, visit_at, clinic_id, provider_id, discipline, reason, signed_at, signed_by_name
                        from visit_record where patient_id = :p order by visit_at desc, id offset :o limit :l
                        """)
                .param("p", patientId)
                .param("o", offset)
                .param("l", limit)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    instant(rs, "visit_at"),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class),
                    Discipline.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getTimestamp(7) != null,
                    rs.getString(8)
                })
                .list();
        Map<UUID, List<String>> codes =
                diagnosisCodes(rows.stream().map(r -> (UUID) r[0]).toList());
        return rows.stream()
                .map(r -> new TimelineEntry(
                        (UUID) r[0],
                        (Instant) r[1],
                        (UUID) r[2],
                        (UUID) r[3],
                        (Discipline) r[4],
                        (String) r[5],
                        (Boolean) r[6],
                        (String) r[7],
                        codes.getOrDefault((UUID) r[0], List.of())))
                .toList();
    }

    long countVisits(UUID patientId) {
        return jdbc.sql("select count(*) from visit_record where patient_id = :p")
                .param("p", patientId)
                .query(Long.class)
                .single();
    }

    /** A clinician's unsigned notes (by the appointment's provider), oldest first. */
    List<UnsignedNote> unsigned(Collection<UUID> providers) {
        if (providers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, patient_id, provider_id, visit_at from visit_record
                        where signed_at is null and provider_id = any(cast(:p as uuid[])) order by visit_at
                        """)
                .param("p", Ids.sqlArray(providers))
                .query((rs, n) -> new UnsignedNote(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        instant(rs, "visit_at")))
                .list();
    }

    /** Every unsigned note opened before {@code before}, per provider: the reminder's work. */
    Map<UUID, List<Instant>> unsignedByProvider(Instant before) {
        Map<UUID, List<Instant>> byProvider = new LinkedHashMap<>();
        jdbc.sql("""
                        select provider_id, visit_at from visit_record
                        where signed_at is null and provider_id is not null and opened_at < :before
                        order by provider_id, visit_at
                        """)
                .param("before", Timestamp.from(before))
                .query((rs, n) -> {
                    byProvider
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(instant(rs, "visit_at"));
                    return null;
                })
                .list();
        return byProvider;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
    }

    /** A measurement read as a double (binary on the wire; the chart needs no exact decimal), or null. */
    private static Double measure(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
