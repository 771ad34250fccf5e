package sa.tenhal.clinics;

/**
 * The kind of an insured service: which NPHIES code system its billing code belongs to (a claim item's
 * {@code productOrService} coding), under {@code http://nphies.sa/terminology/CodeSystem/}.
 */
public enum InsuranceServiceType {
    /** Consultations, therapy sessions and other professional services. */
    SERVICES("services"),
    /** Procedures (ACHI-based codes). */
    PROCEDURES("procedures"),
    LABORATORY("laboratory"),
    IMAGING("imaging"),
    MEDICAL_DEVICES("medical-devices"),
    ORAL_HEALTH("oral-health-op");

    private final String codeSystem;

    InsuranceServiceType(String codeSystem) {
        this.codeSystem = codeSystem;
    }

    /** The full code system URL of the NPHIES terminology. */
    public String system() {
        return "http://nphies.sa/terminology/CodeSystem/" + codeSystem;
    }
}
