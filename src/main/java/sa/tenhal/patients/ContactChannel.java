package sa.tenhal.patients;

/** How a patient (or their guardian) agrees to be reached with reminders and notices. */
public enum ContactChannel {
    SMS,
    WHATSAPP,
    EMAIL
}
