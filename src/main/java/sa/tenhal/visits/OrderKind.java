package sa.tenhal.visits;

/** What an order asks for: a laboratory test (LOINC code) or an imaging procedure (procedure code). */
public enum OrderKind {
    LAB,
    IMAGING;

    /** The code system of the order's code. */
    public String system() {
        return this == LAB ? "http://loinc.org" : "http://nphies.sa/terminology/CodeSystem/imaging";
    }
}
