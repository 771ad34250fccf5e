package sa.tenhal.identity;

/**
 * What a staff member does at the centre, and so what they may see and change. A person may hold several roles.
 *
 * <ul>
 *   <li>{@code ADMIN}: users, tokens, configuration, jobs, the audit log.
 *   <li>{@code MANAGER}: the centre's operations, overrides, reports.
 *   <li>{@code RECEPTIONIST}: registration, booking, check-in.
 *   <li>{@code PROVIDER}: a doctor or therapist; their own patients' clinical items.
 *   <li>{@code NURSE}: clinical support.
 *   <li>{@code FINANCE}: invoices and payments; no clinical notes.
 * </ul>
 */
public enum Role {
    ADMIN,
    MANAGER,
    RECEPTIONIST,
    PROVIDER,
    NURSE,
    FINANCE;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
