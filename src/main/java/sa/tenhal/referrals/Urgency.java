package sa.tenhal.referrals;

/** How fast the receiving clinic must answer, in the centre's working days. */
public enum Urgency {
    URGENT(1),
    ROUTINE(3);

    private final int workingDaysToAccept;

    Urgency(int workingDaysToAccept) {
        this.workingDaysToAccept = workingDaysToAccept;
    }

    public int workingDaysToAccept() {
        return workingDaysToAccept;
    }
}
