package sa.tenhal.visits;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.StaleVersionException;

/**
 * The note templates, one per discipline: what a new visit's note starts from. Tenhal ships a default for each
 * discipline; a clinic's managers change them (the change applies to notes opened afterwards).
 */
@Service
public class NoteTemplates {

    private final JdbcClient jdbc;
    private final ClinicTime time;
    private final org.springframework.context.ApplicationEventPublisher events;

    NoteTemplates(JdbcClient jdbc, ClinicTime time, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.time = time;
        this.events = events;
    }

    /** Every discipline's template (the clinic's, else the shipped one). */
    @Transactional(readOnly = true)
    public List<NoteTemplate> all() {
        return Arrays.stream(Discipline.values()).map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public NoteTemplate get(Discipline discipline) {
        return stored(discipline).orElseGet(() -> shipped(discipline));
    }

    /** Replaces a discipline's template; stale when someone changed it since {@code expectedVersion}. */
    @Transactional
    public NoteTemplate update(Discipline discipline, long expectedVersion, NoteTemplate form) {
        NoteTemplate current = get(discipline);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("note template", current.version());
        }
        jdbc.sql("""
                        insert into note_template (discipline, version, reason, subjective, objective, assessment, plan,
                            goals, activities, home_programme, updated_at)
                        values (:d, :v, :reason, :s, :o, :a, :p, :g, :act, :home, :at)
                        on conflict (discipline) do update set version = excluded.version, reason = excluded.reason,
                            subjective = excluded.subjective, objective = excluded.objective,
                            assessment = excluded.assessment, plan = excluded.plan, goals = excluded.goals,
                            activities = excluded.activities, home_programme = excluded.home_programme,
                            updated_at = excluded.updated_at
                        """)
                .param("d", discipline.name())
                .param("v", expectedVersion + 1)
                .param("reason", form.reason())
                .param("s", form.subjective())
                .param("o", form.objective())
                .param("a", form.assessment())
                .param("p", form.plan())
                .param("g", form.goals())
                .param("act", form.activities())
                .param("home", form.homeProgramme())
                .param("at", Timestamp.from(time.now()))
                .update();
        events.publishEvent(new NoteTemplateChanged(discipline, expectedVersion + 1, time.now()));
        return get(discipline);
    }

    /** The note a new visit of this discipline starts with. */
    NoteContent noteFor(Discipline discipline) {
        return noteForTemplate(get(discipline));
    }

    static NoteContent noteForTemplate(NoteTemplate t) {
        NoteKind kind = NoteKind.of(t.discipline());
        if (kind == NoteKind.SOAP) {
            return new NoteContent(
                    t.reason(), t.subjective(), t.objective(), t.assessment(), t.plan(), List.of(), null, null);
        }
        List<NoteContent.Goal> goals = t.goals() == null
                ? List.of()
                : t.goals()
                        .lines()
                        .filter(l -> !l.isBlank())
                        .map(l -> new NoteContent.Goal(l.strip(), null))
                        .toList();
        return new NoteContent(t.reason(), null, null, null, null, goals, t.activities(), t.homeProgramme());
    }

    private Optional<NoteTemplate> stored(Discipline discipline) {
        return jdbc.sql("select * from note_template where discipline = :d")
                .param("d", discipline.name())
                .query((rs, n) -> new NoteTemplate(
                        discipline,
                        NoteKind.of(discipline),
                        rs.getString("reason"),
                        rs.getString("subjective"),
                        rs.getString("objective"),
                        rs.getString("assessment"),
                        rs.getString("plan"),
                        rs.getString("goals"),
                        rs.getString("activities"),
                        rs.getString("home_programme"),
                        rs.getLong("version")))
                .optional();
    }

    /** The shipped templates: headings a clinician fills in. */
    static NoteTemplate shipped(Discipline d) {
        NoteKind kind = NoteKind.of(d);
        if (kind == NoteKind.SOAP) {
            return new NoteTemplate(
                    d,
                    kind,
                    null,
                    d == Discipline.NURSING
                            ? "Concerns reported by the family:\n"
                            : "Presenting complaint:\nHistory:\n",
                    d == Discipline.NURSING ? "Observations:\n" : "Examination:\n",
                    null,
                    d == Discipline.NURSING
                            ? "Nursing actions:\nAdvice given:\n"
                            : "Investigations:\nTreatment:\nFollow-up:\n",
                    null,
                    null,
                    null,
                    0);
        }
        String goals =
                switch (d) {
                    case SPEECH_LANGUAGE -> "Articulation\nExpressive language\nReceptive language";
                    case OCCUPATIONAL_THERAPY -> "Fine motor skills\nSensory regulation\nSelf-care";
                    case ABA -> "Requesting (manding)\nFollowing instructions\nReducing challenging behaviour";
                    case PSYCHOLOGY -> "Emotional regulation\nSocial skills";
                    default -> "Goal 1";
                };
        return new NoteTemplate(d, kind, null, null, null, null, null, goals, null, "Practise at home:\n", 0);
    }
}
