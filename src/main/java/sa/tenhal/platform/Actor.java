package sa.tenhal.platform;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting in the current request, for "recorded by" columns and the audit trail, without a dependency on the
 * identity module: its principal implements {@link User}. Background jobs act as nobody ({@link #current()} is empty).
 */
public record Actor(UUID userId, String username) {

    /** Implemented by the signed-in principal. */
    public interface User {
        UUID actingUserId();

        String getUsername();

        /** The language the user chose for themselves (their staff record's), or null when there is none. */
        default java.util.Locale preferredLocale() {
            return null;
        }
    }

    public static Optional<Actor> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof User user) {
            return Optional.of(new Actor(user.actingUserId(), user.getUsername()));
        }
        return Optional.empty();
    }

    /**
     * The acting user's authorities ({@code ROLE_ADMIN}, …); empty for the system. For the few rules that depend on
     * who acts beyond what {@code @PreAuthorize} already decides (whose clinic, which sections of a summary).
     */
    public static java.util.Set<String> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return java.util.Set.of();
        }
        return auth.getAuthorities().stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The acting user's id, or null for the system. */
    public static UUID currentUserId() {
        return current().map(Actor::userId).orElse(null);
    }
}
