package sa.tenhal.integrations.nphies;

/** NPHIES' canonical URLs and code systems (reference part B), in one place. */
final class Nphies {

    private Nphies() {}

    static final String PROFILE = "http://nphies.sa/fhir/ksa/nphies-fs/StructureDefinition/";
    static final String VERSION = "|1.0.0";
    static final String CODES = "http://nphies.sa/terminology/CodeSystem/";
    static final String EVENTS = CODES + "ksa-message-events";
    static final String PAYER_LICENSE = "http://nphies.sa/license/payer-license";
    static final String PROVIDER_LICENSE = "http://nphies.sa/license/provider-license";
    static final String PRACTITIONER_LICENSE = "http://nphies.sa/license/practitioner-license";
    static final String LOCATION_LICENSE = "http://nphies.sa/license/location-license";
    static final String NPHIES_LICENSE = "http://nphies.sa/license/nphies";
    static final String EXTENSION = PROFILE + "extension-";
    static final String ICD10AM = "http://hl7.org/fhir/sid/icd-10-am";
    static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    static final String ADJUDICATION_OUTCOME = CODES + "adjudication-outcome";
    static final String ADJUDICATION_ERROR = CODES + "adjudication-error";
    static final String ADJUDICATION_REASON = CODES + "adjudication-reason";

    static String profile(String id) {
        return PROFILE + id + VERSION;
    }

    /** The message events Tenhal sends and reads (ksa-message-events). */
    enum Event {
        ELIGIBILITY_REQUEST("eligibility-request"),
        ELIGIBILITY_RESPONSE("eligibility-response"),
        PRIORAUTH_REQUEST("priorauth-request"),
        PRIORAUTH_RESPONSE("priorauth-response"),
        CLAIM_REQUEST("claim-request"),
        CLAIM_RESPONSE("claim-response"),
        POLL_REQUEST("poll-request"),
        POLL_RESPONSE("poll-response"),
        PAYMENT_RECONCILIATION("payment-reconciliation"),
        ACKNOWLEDGEMENT("acknowledgement");

        final String code;

        Event(String code) {
            this.code = code;
        }

        static Event of(String code) {
            for (Event e : values()) {
                if (e.code.equals(code)) {
                    return e;
                }
            }
            return null;
        }
    }
}
