package sa.tenhal.visits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;

/**
 * What a clinician writes in a visit's note. A SOAP note (medical, nursing) has subjective, objective, assessment and
 * plan; a session note (speech, OT, ABA, psychology) has the goals worked on with the progress against each, the
 * activities and the home programme. The reason for the visit belongs to both.
 */
public record NoteContent(
        @Size(max = 500) String reason,
        @Size(max = 20000) String subjective,
        @Size(max = 20000) String objective,
        @Size(max = 20000) String assessment,
        @Size(max = 20000) String plan,
        @Valid @Size(max = 30) List<Goal> goals,
        @Size(max = 20000) String activities,
        @Size(max = 20000) String homeProgramme) {

    /** A goal worked on in a session and the progress against it. */
    public record Goal(
            @NotBlank @Size(max = 500) String goal,
            @Size(max = 1000) String progress) {}

    public NoteContent {
        reason = clean(reason);
        subjective = clean(subjective);
        objective = clean(objective);
        assessment = clean(assessment);
        plan = clean(plan);
        activities = clean(activities);
        homeProgramme = clean(homeProgramme);
        goals = goals == null
                ? List.of()
                : goals.stream()
                        .filter(g -> g != null && g.goal() != null && !g.goal().isBlank())
                        .map(g -> new Goal(g.goal().strip(), clean(g.progress())))
                        .toList();
    }

    static final NoteContent EMPTY = new NoteContent(null, null, null, null, null, List.of(), null, null);

    /**
     * Refuses what does not belong to a note of this kind (a SOAP field in a session note or the reverse), naming the
     * field.
     */
    void checkFits(NoteKind kind) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == NoteKind.SESSION) {
            refuse(problems, "subjective", subjective, kind);
            refuse(problems, "objective", objective, kind);
            refuse(problems, "assessment", assessment, kind);
            refuse(problems, "plan", plan, kind);
        } else {
            if (!goals.isEmpty()) {
                problems.add(new FieldProblem("goals", "is not part of a SOAP note"));
            }
            refuse(problems, "activities", activities, kind);
            refuse(problems, "homeProgramme", homeProgramme, kind);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /** True when nothing clinical is written (a note like this cannot be signed). */
    boolean isEmpty(NoteKind kind) {
        return kind == NoteKind.SOAP
                ? subjective == null && objective == null && assessment == null && plan == null
                : goals.isEmpty() && activities == null && homeProgramme == null;
    }

    /** The fields that differ from {@code before}, for the audit trail. */
    Set<String> changedFrom(NoteContent before) {
        Set<String> changed = new LinkedHashSet<>();
        diff(changed, "reason", before.reason, reason);
        diff(changed, "subjective", before.subjective, subjective);
        diff(changed, "objective", before.objective, objective);
        diff(changed, "assessment", before.assessment, assessment);
        diff(changed, "plan", before.plan, plan);
        if (!before.goals.equals(goals)) {
            changed.add("goals");
        }
        diff(changed, "activities", before.activities, activities);
        diff(changed, "homeProgramme", before.homeProgramme, homeProgramme);
        return changed;
    }

    private static void diff(Set<String> changed, String name, String a, String b) {
        if (!java.util.Objects.equals(a, b)) {
            changed.add(name);
        }
    }

    private static void refuse(List<FieldProblem> problems, String field, String value, NoteKind kind) {
        if (value != null) {
            problems.add(new FieldProblem(
                    field, kind == NoteKind.SOAP ? "is not part of a SOAP note" : "is not part of a session note"));
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
