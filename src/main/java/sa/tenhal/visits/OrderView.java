package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;

/** A laboratory or imaging order and where it is on its way. */
public record OrderView(
        UUID id,
        UUID visitId,
        OrderKind kind,
        String code,
        String system,
        String display,
        String note,
        OrderStatus status,
        Instant orderedAt,
        Instant sentAt,
        Instant resultedAt,
        Instant reviewedAt,
        long version) {}
