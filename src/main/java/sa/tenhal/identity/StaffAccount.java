package sa.tenhal.identity;

import java.time.Instant;

/**
 * A staff user as admins manage it: the directory entry plus version (the ETag) and sign-in state.
 *
 * @param signInDelaysLiftedAt when an admin (or a new password) last lifted the delays that failed sign-ins put on
 *     the account; null if never
 */
public record StaffAccount(
        StaffMember member, long version, boolean hasPassword, Instant signInDelaysLiftedAt, Instant createdAt) {}
