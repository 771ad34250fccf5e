package sa.tenhal.integrations.results;

import ca.uhn.fhir.context.FhirContext;

/** HAPI FHIR's R4 context (costly to build, thread-safe once built): one for the results' parsers. */
final class Fhir {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {}
}
