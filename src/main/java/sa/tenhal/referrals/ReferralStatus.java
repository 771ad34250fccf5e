package sa.tenhal.referrals;

/** Where a referral stands. PENDING and ACCEPTED are open; the rest are final. */
public enum ReferralStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    COMPLETED,
    CANCELLED;

    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED;
    }
}
