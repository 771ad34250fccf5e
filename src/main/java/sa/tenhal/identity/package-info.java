/**
 * Staff users, their roles, sign-in and API tokens.
 *
 * <ul>
 *   <li>Staff sign in on a form (session in PostgreSQL, CSRF on; no session before signing in); attempts are
 *       limited per address, and failed ones make the address (or an account under attack, every unfamiliar address)
 *       wait between attempts, never lock the account. API clients send a bearer token that an admin issued; only its SHA-256 is stored.
 *   <li>API: {@link sa.tenhal.identity.StaffDirectory} (who is who, by role), {@link sa.tenhal.identity.StaffAccounts}
 *       (create and change users, issue and revoke tokens), {@link sa.tenhal.identity.StaffPrincipal} (the signed-in
 *       user).
 *   <li>Publishes {@link sa.tenhal.identity.StaffUserCreated}, {@link sa.tenhal.identity.StaffUserUpdated},
 *       {@link sa.tenhal.identity.ApiTokenIssued}, {@link sa.tenhal.identity.ApiTokenRevoked}.
 *   <li>Listens to nothing.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"platform", "platform :: caching", "shared"})
package sa.tenhal.identity;
