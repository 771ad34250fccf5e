package sa.tenhal.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;
import sa.tenhal.shared.Language;

/** A person who signs in to Tenhal. Never deleted: deactivated, so that the audit trail keeps naming them. */
@Entity
@Table(name = "staff_user")
class StaffUser extends StoredRecord<StaffUser> {

    @Id
    private UUID id;

    @Version
    private long version;

    private String username;
    private String fullNameEn;
    private String fullNameAr;
    private String email;

    @Enumerated(EnumType.STRING)
    private Language language;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private String passwordHash;
    private boolean enabled;
    private Instant signInDelaysLiftedAt;
    private Instant passwordChangedAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected StaffUser() {}

    StaffUser(
            String username,
            String fullNameEn,
            String fullNameAr,
            String email,
            Set<Role> roles,
            Language language,
            String passwordHash,
            Instant now) {
        this.id = Ids.newId();
        this.username = username;
        this.fullNameEn = fullNameEn;
        this.fullNameAr = fullNameAr;
        this.email = email;
        this.roles = EnumSet.copyOf(roles);
        this.language = language;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordHash == null ? null : now;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
        registerEvent(new StaffUserCreated(id(), passwordHash == null, now));
    }

    /** Applies changed details; records which fields changed, and does nothing when none did. */
    void change(
            String fullNameEn,
            String fullNameAr,
            String email,
            Set<Role> roles,
            Language language,
            boolean enabled,
            Instant now) {
        Set<String> changed = new LinkedHashSet<>();
        if (!Objects.equals(this.fullNameEn, fullNameEn)) {
            this.fullNameEn = fullNameEn;
            changed.add("fullNameEn");
        }
        if (!Objects.equals(this.fullNameAr, fullNameAr)) {
            this.fullNameAr = fullNameAr;
            changed.add("fullNameAr");
        }
        if (!Objects.equals(this.email, email)) {
            this.email = email;
            changed.add("email");
        }
        if (!this.roles.equals(roles)) {
            this.roles.clear();
            this.roles.addAll(roles);
            changed.add("roles");
        }
        if (this.language != language) {
            this.language = language;
            changed.add("language");
        }
        if (this.enabled != enabled) {
            this.enabled = enabled;
            changed.add("enabled");
        }
        touched(changed, now);
    }

    /** A new password also lifts the sign-in delays: guesses at the old one say nothing about the new one. */
    void setPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.signInDelaysLiftedAt = now;
        touched(Set.of("password"), now);
    }

    /**
     * Lets the user try to sign in again at once, from any address, on every node: the delays that failed attempts
     * built up before {@code now} no longer count (see {@link SignInThrottle}).
     */
    void liftSignInDelays(Instant now) {
        this.signInDelaysLiftedAt = now;
        touched(Set.of("signInDelaysLiftedAt"), now);
    }

    private void touched(Set<String> changed, Instant now) {
        if (!changed.isEmpty()) {
            this.updatedAt = now;
            registerEvent(new StaffUserUpdated(id(), Set.copyOf(changed), now));
        }
    }

    UserId id() {
        return new UserId(id);
    }

    long version() {
        return version;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    Instant signInDelaysLiftedAt() {
        return signInDelaysLiftedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    StaffMember toMember() {
        return new StaffMember(id(), username, fullNameEn, fullNameAr, email, roles(), language, enabled);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
