package sa.tenhal.appointments;

/** How the patient confirmed they are coming. */
public enum ConfirmationMethod {
    LINK,
    SMS,
    WHATSAPP,
    PHONE,
    IN_PERSON
}
