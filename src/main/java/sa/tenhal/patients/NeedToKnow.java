package sa.tenhal.patients;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The role × kind-of-data table of docs/security.md, as code. A user with several roles reaches each kind as far as
 * the widest of them; work the system does on its own (jobs, listeners: no signed-in user) reaches everything.
 */
final class NeedToKnow {

    /** How far a role reaches into one kind of data. */
    enum Reach {
        /** Never, not even by breaking the glass. */
        NONE,
        /** The patients of the user's care team, and those they broke the glass for. */
        CARE_TEAM,
        /** Every patient. */
        ALL
    }

    private static final Reach A = Reach.ALL;
    private static final Reach T = Reach.CARE_TEAM;
    private static final Reach N = Reach.NONE;

    // Columns: IDENTITY, CONTACT, GUARDIANS, APPOINTMENTS, REFERRAL_REASONS, CLINICAL_RECORD, MONEY, CLAIM_CODES
    private static final Map<String, Reach[]> TABLE = Map.of(
            "ROLE_ADMIN", new Reach[] {A, A, A, A, A, A, A, A},
            "ROLE_MANAGER", new Reach[] {A, A, A, A, A, A, A, A},
            "ROLE_RECEPTIONIST", new Reach[] {A, A, A, A, N, N, A, N},
            "ROLE_PROVIDER", new Reach[] {T, T, T, T, T, T, N, T},
            "ROLE_NURSE", new Reach[] {T, T, T, T, T, T, N, T},
            "ROLE_FINANCE", new Reach[] {A, N, N, N, N, N, A, A});

    private NeedToKnow() {}

    /** How far the system reaches: everywhere (it works for every patient; no person sees it). */
    static Map<PatientData, Reach> system() {
        Map<PatientData, Reach> reach = new EnumMap<>(PatientData.class);
        for (PatientData kind : PatientData.values()) {
            reach.put(kind, Reach.ALL);
        }
        return reach;
    }

    /** How far a person with these authorities reaches into each kind; without a known role, nowhere. */
    static Map<PatientData, Reach> reach(Set<String> authorities) {
        Map<PatientData, Reach> reach = new EnumMap<>(PatientData.class);
        for (PatientData kind : PatientData.values()) {
            reach.put(kind, Reach.NONE);
        }
        for (String authority : authorities) {
            Reach[] row = TABLE.get(authority);
            if (row == null) {
                continue;
            }
            for (PatientData kind : PatientData.values()) {
                Reach r = row[kind.ordinal()];
                if (r.compareTo(reach.get(kind)) > 0) {
                    reach.put(kind, r);
                }
            }
        }
        return reach;
    }
}
