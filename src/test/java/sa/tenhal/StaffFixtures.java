package sa.tenhal;

import java.util.EnumSet;
import java.util.Set;
import sa.tenhal.identity.IssuedToken;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccount;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.identity.UserId;
import sa.tenhal.shared.Language;

/** Creates staff users with unique names and real API tokens, so tests call the API as a given role. */
public class StaffFixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private final StaffAccounts accounts;

    StaffFixtures(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** A signed-in caller: the user and the {@code Authorization} header value to send. */
    public record Caller(UserId id, String username, String bearer) {}

    public Caller as(Role role, Role... more) {
        Set<Role> roles = EnumSet.of(role, more);
        String username = Unique.name("t");
        StaffAccount account = accounts.create(new NewStaffUser(
                username, "Test " + roles, null, username + "@test.tenhal.sa", roles, Language.EN, PASSWORD));
        IssuedToken token = accounts.issueToken(account.member().id(), "test", null, null);
        return new Caller(account.member().id(), username, "Bearer " + token.token());
    }
}
