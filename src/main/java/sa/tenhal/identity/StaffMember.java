package sa.tenhal.identity;

import java.util.Set;
import sa.tenhal.shared.Language;

/** What other modules may know of a staff user: who, how to reach them, in which language, in which roles. */
public record StaffMember(
        UserId id,
        String username,
        String fullNameEn,
        String fullNameAr,
        String email,
        Set<Role> roles,
        Language language,
        boolean enabled) {

    public String fullName(Language in) {
        return in == Language.AR && fullNameAr != null ? fullNameAr : fullNameEn;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
