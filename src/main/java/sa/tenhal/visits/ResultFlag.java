package sa.tenhal.visits;

/** How far a result is from normal, as the clinician must be told: critical results cannot wait. */
public enum ResultFlag {
    NORMAL,
    ABNORMAL,
    CRITICAL;

    /** The worse of the two. */
    public ResultFlag worst(ResultFlag other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
