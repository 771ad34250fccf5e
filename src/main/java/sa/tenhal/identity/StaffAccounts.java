package sa.tenhal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.SecretTokens;
import sa.tenhal.platform.Versions;
import sa.tenhal.platform.caching.SharedCaches;

/** Creating and changing staff users, their passwords and their API tokens. Callers check the role (ADMIN). */
@Service
@Transactional
public class StaffAccounts {

    static final String TOKEN_PREFIX = "tnh_";

    private final StaffUsers users;
    private final ApiTokens tokens;
    private final PasswordEncoder passwords;
    private final ClinicTime time;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final SharedCaches caches;

    StaffAccounts(
            StaffUsers users,
            ApiTokens tokens,
            PasswordEncoder passwords,
            ClinicTime time,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            SharedCaches caches) {
        this.caches = caches;
        this.users = users;
        this.events = events;
        this.tokens = tokens;
        this.passwords = passwords;
        this.time = time;
        this.sessions = sessions;
    }

    public StaffAccount create(NewStaffUser request) {
        if (users.existsByUsername(request.username())) {
            throw new ConflictException(
                            "duplicate-username", "Username taken", "The username " + request.username() + " is taken")
                    .with("field", "username");
        }
        if (users.existsByEmailIgnoreCase(request.email())) {
            throw new ConflictException("duplicate-email", "Email taken", "Another staff user has this email")
                    .with("field", "email");
        }
        String hash = request.password() == null ? null : passwords.encode(request.password());
        StaffUser user = new StaffUser(
                request.username(),
                request.fullNameEn(),
                request.fullNameAr(),
                request.email(),
                request.roles(),
                request.language(),
                hash,
                time.now());
        return account(users.save(user));
    }

    @Transactional(readOnly = true)
    public StaffAccount get(UserId id) {
        return account(load(id));
    }

    @Transactional(readOnly = true)
    public Page<StaffAccount> list(Role role, Pageable page) {
        return (role == null ? users.findAll(page) : users.findByRole(role, page)).map(this::account);
    }

    /**
     * Staff users whose username, names or email contain {@code text} (any case; blank for all), optionally only those
     * holding {@code role}.
     */
    @Transactional(readOnly = true)
    public Page<StaffAccount> search(String text, Role role, Pageable page) {
        String pattern = text == null || text.isBlank()
                ? null
                : "%"
                        + text.strip()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        return users.search(pattern, role, page).map(this::account);
    }

    /** Replaces a user's details; deactivating or changing roles also signs them out everywhere. */
    public StaffAccount update(UserId id, long expectedVersion, StaffUserChanges changes) {
        StaffUser user = load(id);
        Versions.check("staff user", expectedVersion, user.version());
        if (!changes.email().equalsIgnoreCase(user.toMember().email())
                && users.existsByEmailIgnoreCase(changes.email())) {
            throw new ConflictException("duplicate-email", "Email taken", "Another staff user has this email")
                    .with("field", "email");
        }
        boolean accessChanged = !user.roles().equals(changes.roles()) || user.enabled() != changes.enabled();
        user.change(
                changes.fullNameEn(),
                changes.fullNameAr(),
                changes.email(),
                changes.roles(),
                changes.language(),
                changes.enabled(),
                time.now());
        StaffUser saved = users.saveAndFlush(user);
        // the tokens' remembered principals carry the name and roles
        caches.changed(ApiTokenIntrospector.REGION);
        if (accessChanged) {
            sessions.signOutEverywhere(saved.username());
        }
        return account(saved);
    }

    /** Sets a password (admin reset, or the user's own set-password link). */
    public void setPassword(UserId id, String newPassword) {
        requireStrong(newPassword);
        StaffUser user = load(id);
        user.setPassword(passwords.encode(newPassword), time.now());
        users.save(user);
        sessions.signOutEverywhere(user.username());
    }

    /** A signed-in user changes their own password, proving the current one. */
    public void changeOwnPassword(UserId id, String currentPassword, String newPassword) {
        StaffUser user = load(id);
        if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw new InvalidFieldsException("currentPassword", "does not match your current password");
        }
        setPassword(id, newPassword);
    }

    /**
     * Sends the user a new one-time link to set their password (by email, as the welcome message did): for a user whose
     * first link expired, or who forgot their password. Links sent earlier stay valid until used or expired.
     */
    public void sendPasswordSetupLink(UserId id) {
        StaffUser user = load(id);
        if (!user.enabled()) {
            throw new ConflictException(
                    "user-disabled", "User disabled", "Cannot send a set-password link to a disabled user");
        }
        events.publishEvent(new PasswordSetupLinkRequested(user.id(), time.now()));
    }

    /**
     * Lifts the delays that failed sign-ins put on the user's account, from every address and on every node: the user
     * (or whoever is at their keyboard) may try again at once. Their password, sessions and tokens are untouched.
     */
    public void liftSignInDelays(UserId id) {
        StaffUser user = load(id);
        user.liftSignInDelays(time.now());
        users.save(user);
    }

    /** Issues a bearer token; the returned token is the only copy there will ever be. */
    public IssuedToken issueToken(UserId id, String name, Duration validFor, UserId issuedBy) {
        StaffUser user = load(id);
        if (!user.enabled()) {
            throw new ConflictException("user-disabled", "User disabled", "Cannot issue a token to a disabled user");
        }
        String token = TOKEN_PREFIX + SecretTokens.newSecret();
        Instant now = time.now();
        ApiToken saved = tokens.save(new ApiToken(
                user.id(),
                name,
                SecretTokens.sha256(token),
                token.substring(0, TOKEN_PREFIX.length() + 6),
                issuedBy,
                now,
                validFor == null ? null : now.plus(validFor)));
        events.publishEvent(new ApiTokenIssued(saved.id(), user.id(), now));
        return new IssuedToken(saved.view(), token);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens(UserId id) {
        load(id);
        return tokens.findByUserIdOrderByIssuedAtDescIdDesc(id.value()).stream()
                .map(ApiToken::view)
                .toList();
    }

    public ApiTokenView revokeToken(UserId id, UUID tokenId) {
        StaffUser user = load(id);
        ApiToken token = tokens.findByIdAndUserId(tokenId, id.value())
                .orElseThrow(() -> new NotFoundException("API token", tokenId));
        if (token.revoke(time.now())) {
            caches.changed(ApiTokenIntrospector.REGION);
            events.publishEvent(new ApiTokenRevoked(tokenId, user.id(), time.now()));
        }
        return token.view();
    }

    private StaffUser load(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> new NotFoundException("Staff user", id));
    }

    private StaffAccount account(StaffUser user) {
        return new StaffAccount(
                user.toMember(),
                user.version(),
                user.passwordHash() != null,
                user.signInDelaysLiftedAt(),
                user.createdAt());
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < 10 || password.length() > 128) {
            throw new InvalidFieldsException("password", "must be 10 to 128 characters");
        }
    }
}
