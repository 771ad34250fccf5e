package sa.tenhal.visits;

import java.time.Instant;
import java.util.UUID;

/** A coded diagnosis of a visit (ICD-10), primary or secondary. */
public record DiagnosisView(
        UUID id, UUID visitId, String code, String titleEn, String titleAr, boolean primary, Instant recordedAt) {

    /** The code system a claim names (ICD-10-AM in NPHIES). */
    public static final String SYSTEM = "http://hl7.org/fhir/sid/icd-10-am";
}
