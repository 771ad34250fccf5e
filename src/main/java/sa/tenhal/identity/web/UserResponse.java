package sa.tenhal.identity.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccount;
import sa.tenhal.shared.Language;

/** A staff user as the API shows it; {@code version} is also sent as the ETag. */
record UserResponse(
        UUID id,
        String username,
        String fullNameEn,
        String fullNameAr,
        String email,
        Set<Role> roles,
        Language language,
        boolean enabled,
        boolean hasPassword,
        Instant signInDelaysLiftedAt,
        Instant createdAt,
        long version) {

    static UserResponse of(StaffAccount a) {
        var m = a.member();
        return new UserResponse(
                m.id().value(),
                m.username(),
                m.fullNameEn(),
                m.fullNameAr(),
                m.email(),
                m.roles(),
                m.language(),
                m.enabled(),
                a.hasPassword(),
                a.signInDelaysLiftedAt(),
                a.createdAt(),
                a.version());
    }
}
