package sa.tenhal.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;

/** Counts wrong passwords on the sign-in form and locks the account after too many in a row. */
@Component
class FailedSignIns {

    private final StaffUsers users;
    private final SignInProperties properties;
    private final ClinicTime time;

    FailedSignIns(StaffUsers users, SignInProperties properties, ClinicTime time) {
        this.users = users;
        this.properties = properties;
        this.time = time;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token && token.getName() != null) {
            var now = time.now();
            users.countFailedSignIn(
                    token.getName().strip().toLowerCase(java.util.Locale.ROOT),
                    properties.maxFailures(),
                    now,
                    now.plus(properties.lockFor()));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal
                && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            users.resetFailedSignIns(principal.getUsername());
        }
    }
}
