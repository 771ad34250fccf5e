package sa.tenhal.identity;

import java.time.Instant;

/** A staff user as admins manage it: the directory entry plus version (the ETag) and sign-in state. */
public record StaffAccount(
        StaffMember member, long version, boolean hasPassword, Instant lockedUntil, Instant createdAt) {}
