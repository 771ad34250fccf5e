package sa.tenhal.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password from the sign-in form, the only way Spring Security has to do so here.
 *
 * <p>Every refusal looks the same whether the name exists or not, and costs the same: an unknown name (or one
 * without a password yet) is checked against a dummy hash (Spring's {@link DaoAuthenticationProvider} does that), and a
 * deactivated account is told apart only after its password was checked — Spring's default checks it before, which
 * answered deactivated accounts faster than any other. The caller turns every refusal but a wait into the same answer.
 * Before any of it, {@link SignInThrottle} decides whether the attempt may be made now at all.
 */
@Component
class StaffSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    StaffSignIn(StaffUsers users, PasswordEncoder encoder, SignInThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(new StaffUserDetailsService(users));
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(StaffSignIn::mayUseTheAccount);
        try {
            passwords.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = StaffUserDetailsService.normalise(attempt.getName());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "";
        if (!throttle.tryBegin(address, name)) {
            throw new SignInThrottledException();
        }
        Authentication signedIn = passwords.authenticate(attempt);
        if (signedIn.getPrincipal() instanceof StaffPrincipal principal) {
            throttle.succeeded(address, name, principal.id());
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** After the password matched: a deactivated account may not sign in (and is answered as a wrong password). */
    private static void mayUseTheAccount(UserDetails user) {
        if (!user.isEnabled()) {
            throw new DisabledException("deactivated");
        }
    }
}
