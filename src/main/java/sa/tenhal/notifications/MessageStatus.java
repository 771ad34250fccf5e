package sa.tenhal.notifications;

/**
 * A message's way: HELD (a patient's further channel, kept in reserve: queued only if the channel before it fails),
 * QUEUED (waiting for its time or a retry), SENDING (handed to a node), SENT (accepted by the
 * provider), DELIVERED (the provider confirmed delivery, or an in-app message), FAILED (given up; see its error).
 */
public enum MessageStatus {
    HELD,
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    FAILED
}
