package sa.tenhal.identity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads staff users for the sign-in form. Not a bean of its own: {@link StaffSignIn} is the only one who asks, so
 * that Spring Security builds no second way to check a password around it.
 */
class StaffUserDetailsService implements UserDetailsService {

    /** What {@code staff_user.username} allows; anything else names nobody and is not looked up. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,50}");

    private final StaffUsers users;

    StaffUserDetailsService(StaffUsers users) {
        this.users = users;
    }

    /** The form's username as the account is known by: trimmed, lower case. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code normalised} could name a staff user at all (the shape the database allows). */
    static boolean couldNameAUser(String normalised) {
        return USERNAME.matcher(normalised).matches();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = normalise(username);
        if (!couldNameAUser(name)) {
            // (Spring still checks the password against a dummy hash, so this answer takes as long as any other.)
            throw new UsernameNotFoundException("not a username");
        }
        StaffUser user = users.findByUsername(name)
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return principal(user);
    }

    static StaffPrincipal principal(StaffUser user) {
        var member = user.toMember();
        return new StaffPrincipal(
                member.id(),
                member.username(),
                member.fullNameEn(),
                member.fullNameAr(),
                member.language(),
                member.roles(),
                user.passwordHash(),
                user.enabled());
    }
}
