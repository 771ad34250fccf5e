package sa.tenhal.notifications;

/**
 * A message's way: QUEUED (waiting for its time or a retry), SENDING (handed to a node), SENT (accepted by the
 * provider), DELIVERED (the provider confirmed delivery, or an in-app message), FAILED (given up; see its error).
 */
public enum MessageStatus {
    QUEUED,
    SENDING,
    SENT,
    DELIVERED,
    FAILED
}
