package sa.tenhal.notifications;

/** How a message travels. */
public enum Channel {
    EMAIL,
    SMS,
    WHATSAPP,
    IN_APP
}
