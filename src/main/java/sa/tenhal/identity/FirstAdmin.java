package sa.tenhal.identity;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.shared.Language;

/**
 * The first administrator of a new installation (docs/deployment.md): when {@code TENHAL_FIRST_ADMIN_EMAIL} is set and
 * the database has no staff user at all, user {@code admin} is created with that email. Without
 * {@code TENHAL_FIRST_ADMIN_PASSWORD} they get the welcome email with a set-password link; with it, that password
 * (take it out of the environment file afterwards). Nodes that start together race harmlessly: the username is unique.
 */
@Component
@Order(5)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffUsers users;
    private final StaffAccounts accounts;
    private final TransactionTemplate transactions;
    private final String email;
    private final String password;

    FirstAdmin(
            StaffUsers users,
            StaffAccounts accounts,
            TransactionTemplate transactions,
            @Value("${tenhal.first-admin.email:}") String email,
            @Value("${tenhal.first-admin.password:}") String password) {
        this.users = users;
        this.accounts = accounts;
        this.transactions = transactions;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || users.count() > 0) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> accounts.create(new NewStaffUser(
                    "admin",
                    "Administrator",
                    null,
                    email,
                    Set.of(Role.ADMIN),
                    Language.EN,
                    password.isBlank() ? null : password)));
            log.info(
                    "First administrator 'admin' created ({})",
                    password.isBlank() ? "a set-password link goes to " + email : "with the configured password");
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            log.info("First administrator created by another node");
        }
    }
}
