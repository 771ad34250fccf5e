package sa.tenhal.patients;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import sa.tenhal.patients.NeedToKnow.Reach;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.WorkingClinics;

/**
 * Need to know: what the signed-in user may see of which patient (docs/security.md). Each role reaches each
 * {@link PatientData kind of data} for every patient, for the patients of their care team, or not at all
 * ({@link NeedToKnow}). A clinician's care team is every patient booked, waitlisted or referred in one of the clinics
 * they work in ({@link CareTeams}), and anyone they broke the glass for ({@link BreakGlass}) until that access ends.
 *
 * <p>Every module asks here before it answers a staff member with patient data: one patient ({@link #sight},
 * {@link #require}), a list ({@link #visible}), or, for the registry's own lists, a condition for its SQL
 * ({@link #scope}). Work the system does on its own sees everything.
 */
@Service
public class PatientAccess {

    private final JdbcClient jdbc;
    private final ObjectProvider<WorkingClinics> workingClinics;
    private final ClinicTime time;

    PatientAccess(JdbcClient jdbc, ObjectProvider<WorkingClinics> workingClinics, ClinicTime time) {
        this.jdbc = jdbc;
        this.workingClinics = workingClinics;
        this.time = time;
    }

    /**
     * How far the acting user reaches into each kind, before looking at any patient. Only signed-in staff are
     * narrowed here: without one, the caller is the system (a job, a listener) or someone who proved themselves by
     * other means and never reaches the staff's endpoints (a patient with their link's token, a provider's webhook).
     */
    Map<PatientData, Reach> reach() {
        return Actor.current().isEmpty() ? NeedToKnow.system() : NeedToKnow.reach(Actor.roles());
    }

    /** True when the acting user may see this kind of data of every patient (no per-patient check needed). */
    public boolean seesEveryone(PatientData kind) {
        return reach().get(kind) == Reach.ALL;
    }

    /** True when the acting user may see this kind of data of some patients (every one, or their care team's). */
    public boolean seesAny(PatientData kind) {
        return reach().get(kind) != Reach.NONE;
    }

    /** What the acting user may see of one patient. */
    public PatientSight sight(PatientId patient) {
        Map<PatientData, Reach> reach = reach();
        boolean needsTeam = reach.containsValue(Reach.CARE_TEAM);
        boolean inTeam = needsTeam && !visibleInTeam(Set.of(patient.value())).isEmpty();
        Set<PatientData> kinds = EnumSet.noneOf(PatientData.class);
        reach.forEach((kind, r) -> {
            if (r == Reach.ALL || (r == Reach.CARE_TEAM && inTeam)) {
                kinds.add(kind);
            }
        });
        boolean couldBreakGlass = !inTeam && reach.get(PatientData.IDENTITY) == Reach.CARE_TEAM;
        return new PatientSight(patient, kinds, couldBreakGlass);
    }

    /**
     * What the acting user may see of a patient that a list already narrowed to their {@link #scope} (so no second
     * look at the care team): every kind they reach at all.
     */
    PatientSight inScope(PatientId patient) {
        Set<PatientData> kinds = EnumSet.noneOf(PatientData.class);
        reach().forEach((kind, r) -> {
            if (r != Reach.NONE) {
                kinds.add(kind);
            }
        });
        return new PatientSight(patient, kinds, false);
    }

    /**
     * Refuses (403) unless the acting user may see this kind of the patient's data; a clinician outside the care team
     * is told that breaking the glass would open it ({@code not-in-care-team}).
     */
    public void require(PatientData kind, PatientId patient) {
        sight(patient).require(kind);
    }

    /** The patients among these whose data of this kind the acting user may see. */
    public Set<UUID> visible(PatientData kind, Collection<UUID> patients) {
        Set<UUID> ids = patients.stream()
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return switch (reach().get(kind)) {
            case ALL -> ids;
            case NONE -> Set.of();
            case CARE_TEAM -> visibleInTeam(ids);
        };
    }

    /**
     * How the registry's own SQL narrows a list to what the user may see of this kind: the condition on the patient
     * id column, with its parameters.
     */
    Scope scope(PatientData kind) {
        return switch (reach().get(kind)) {
            case ALL -> Scope.EVERYONE;
            case NONE -> Scope.NO_ONE;
            case CARE_TEAM -> new Scope(false, Actor.currentUserId(), Ids.sqlArray(clinics()), time.now());
        };
    }

    /**
     * A condition for SQL over patients: everyone, no one, or the care team of a user (their clinics' patients and
     * those they broke the glass for).
     */
    record Scope(boolean everyone, UUID user, String clinics, java.time.Instant now) {

        static final Scope EVERYONE = new Scope(true, null, null, null);
        static final Scope NO_ONE = new Scope(false, null, "{}", null);

        /** The condition on {@code column} (a patient id); bind its parameters with {@link #bind}. */
        String condition(String column) {
            if (everyone) {
                return "true";
            }
            if (user == null) {
                return "false";
            }
            return "(exists (select 1 from patient_care_team ct where ct.patient_id = " + column
                    + " and ct.clinic_id = any(cast(:scopeClinics as uuid[])))"
                    + " or exists (select 1 from break_glass_access g where g.patient_id = " + column
                    + " and g.user_id = :scopeUser and g.expires_at > :scopeNow))";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            if (everyone || user == null) {
                return spec;
            }
            return spec.param("scopeClinics", clinics).param("scopeUser", user).param("scopeNow", Timestamp.from(now));
        }
    }

    private Set<UUID> visibleInTeam(Set<UUID> patients) {
        UUID user = Actor.currentUserId();
        if (patients.isEmpty() || user == null) {
            return Set.of();
        }
        Scope scope = new Scope(false, user, Ids.sqlArray(clinics()), time.now());
        return Set.copyOf(scope.bind(jdbc.sql("select p.id from unnest(cast(:patients as uuid[])) as p(id) where "
                                + scope.condition("p.id"))
                        .param("patients", Ids.sqlArray(patients)))
                .query(UUID.class)
                .list());
    }

    /** The clinics the acting user works in. */
    Set<UUID> actingClinics() {
        return clinics();
    }

    private Set<UUID> clinics() {
        WorkingClinics lookup = workingClinics.getIfAvailable();
        UUID user = Actor.currentUserId();
        return lookup == null || user == null ? Set.of() : lookup.of(user);
    }
}
