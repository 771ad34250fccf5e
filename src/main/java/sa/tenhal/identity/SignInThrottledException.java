package sa.tenhal.identity;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt made to wait (see {@link SignInThrottle}): refused without checking its password. Thrown alike
 * for names that exist and names that do not.
 */
class SignInThrottledException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    SignInThrottledException() {
        super("too many failed sign-ins for this account: wait");
    }
}
