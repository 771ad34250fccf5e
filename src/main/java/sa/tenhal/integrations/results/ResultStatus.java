package sa.tenhal.integrations.results;

/** Where a report or observation stands at its source: HL7 v2 table 0085/0123 and FHIR's status, folded together. */
public enum ResultStatus {
    PRELIMINARY,
    FINAL,
    CORRECTED,
    CANCELLED;

    /** HL7 v2 OBX-11 / OBR-25; null when the code is not one a result may carry. */
    static ResultStatus ofHl7(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "F", "U" -> FINAL;
            case "C" -> CORRECTED;
            case "P", "R", "S", "I", "A" -> PRELIMINARY;
            case "D", "W", "X" -> CANCELLED;
            default -> null;
        };
    }

    /** FHIR DiagnosticReport / Observation status. */
    static ResultStatus ofFhir(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "final" -> FINAL;
            case "corrected", "amended", "appended" -> CORRECTED;
            case "registered", "preliminary", "partial" -> PRELIMINARY;
            case "cancelled", "entered-in-error" -> CANCELLED;
            default -> null;
        };
    }
}
