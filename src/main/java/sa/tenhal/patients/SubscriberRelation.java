package sa.tenhal.patients;

/**
 * How a covered patient relates to the policy's subscriber: HL7's {@code subscriber-relationship} codes, which NPHIES
 * coverage messages carry. A child is usually {@link #CHILD}: a dependant on a parent's policy.
 */
public enum SubscriberRelation {
    SELF("self"),
    CHILD("child"),
    SPOUSE("spouse"),
    PARENT("parent"),
    OTHER("other");

    private final String code;

    SubscriberRelation(String code) {
        this.code = code;
    }

    /** The code of {@code http://terminology.hl7.org/CodeSystem/subscriber-relationship}. */
    public String code() {
        return code;
    }

    static SubscriberRelation of(String code) {
        if (code == null) {
            return null;
        }
        for (SubscriberRelation r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        return OTHER;
    }
}
