package sa.tenhal.clinics;

/** What a room is equipped for; a service may need a room of one kind. */
public enum RoomKind {
    CONSULTATION,
    THERAPY,
    SENSORY_INTEGRATION,
    GROUP,
    OBSERVATION,
    ASSESSMENT,
    PROCEDURE
}
