package sa.tenhal.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The staff user behind the current request, whether signed in on a page (session) or calling the API with a bearer
 * token. Sessions live in PostgreSQL, so this is serialisable and small.
 */
public final class StaffPrincipal
        implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer, sa.tenhal.platform.Actor.User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserId id;
    private final String username;
    private final String displayName;
    private final String displayNameAr;
    private final sa.tenhal.shared.Language language;
    private final Set<Role> roles;
    private String passwordHash;
    private final boolean enabled;

    StaffPrincipal(
            UserId id, String username, String displayName, Set<Role> roles, String passwordHash, boolean enabled) {
        this(id, username, displayName, null, null, roles, passwordHash, enabled);
    }

    StaffPrincipal(
            UserId id,
            String username,
            String displayName,
            String displayNameAr,
            sa.tenhal.shared.Language language,
            Set<Role> roles,
            String passwordHash,
            boolean enabled) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.displayNameAr = displayNameAr;
        this.language = language;
        this.roles = Set.copyOf(roles);
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    /** The staff user of the current request, if one is signed in. */
    public static Optional<StaffPrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }

    public UserId id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * For page templates ({@code sec:authentication="principal.displayName"}): the Arabic name on Arabic pages when the
     * user has one, else the English.
     */
    public String getDisplayName() {
        boolean arabic = "ar"
                .equals(org.springframework.context.i18n.LocaleContextHolder.getLocale()
                        .getLanguage());
        return arabic && displayNameAr != null && !displayNameAr.isBlank() ? displayNameAr : displayName;
    }

    /** The user's own language setting: pages open in it until they choose another with the language switch. */
    @Override
    public java.util.Locale preferredLocale() {
        return language == null
                ? null
                : language == sa.tenhal.shared.Language.AR ? new java.util.Locale("ar") : java.util.Locale.ENGLISH;
    }

    @Override
    public java.util.UUID actingUserId() {
        return id.value();
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("user_id", id.toString());
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
