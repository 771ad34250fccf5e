package sa.tenhal.visits;

/** An order's way: ordered → sent → resulted → reviewed, one step at a time. */
public enum OrderStatus {
    ORDERED,
    SENT,
    RESULTED,
    REVIEWED;

    /** The status after this one, or null when reviewed. */
    public OrderStatus next() {
        return this == REVIEWED ? null : values()[ordinal() + 1];
    }
}
