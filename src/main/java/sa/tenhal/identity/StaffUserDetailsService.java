package sa.tenhal.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;

/** Loads staff users for the sign-in form. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final StaffUsers users;
    private final ClinicTime time;

    StaffUserDetailsService(StaffUsers users, ClinicTime time) {
        this.users = users;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = users.findByUsername(
                        username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principal(user, time);
    }

    static StaffPrincipal principal(StaffUser user, ClinicTime time) {
        var member = user.toMember();
        return new StaffPrincipal(
                member.id(),
                member.username(),
                member.fullNameEn(),
                member.roles(),
                user.passwordHash(),
                user.enabled(),
                user.isLockedAt(time.now()));
    }
}
