package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Checks a message before it leaves: HAPI's FHIR R4 instance validator (structure, cardinalities, data types,
 * invariants, the bindings it can check offline) and then NPHIES' own rules that Tenhal knows ({@link NphiesRules}).
 * A message with an error is not sent; finance sees the list. NPHIES' profiles and code systems are not published as a
 * package (reference B1), so the validator reports them as unknown: those notices are not errors.
 */
class MessageValidation {

    /** A problem: severity ({@code error} blocks sending), where, and what. */
    record Problem(String severity, String location, String message) {
        boolean error() {
            return "error".equals(severity) || "fatal".equals(severity);
        }

        @Override
        public String toString() {
            return severity + " " + location + ": " + message;
        }
    }

    private final FhirValidator validator;

    MessageValidation(FhirContext fhir) {
        this(fhir, true);
    }

    /** {@code reuse}: one HL7 instance validator per thread ({@link ReusedInstanceValidator}); false: HAPI's own. */
    MessageValidation(FhirContext fhir, boolean reuse) {
        DefaultProfileValidationSupport base = new DefaultProfileValidationSupport(fhir);
        ValidationSupportChain chain = new ValidationSupportChain(
                nphiesStubs(fhir, base),
                base,
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir));
        FhirInstanceValidator instance = reuse ? new ReusedInstanceValidator(chain) : new FhirInstanceValidator(chain);
        instance.setAnyExtensionsAllowed(true);
        instance.setErrorForUnknownProfiles(false);
        instance.setNoTerminologyChecks(false);
        this.validator = fhir.newValidator().registerValidatorModule(instance);
    }

    /** The NPHIES profiles Tenhal's messages declare, and the resource each constrains. */
    static final java.util.Map<String, String> PROFILES = java.util.Map.ofEntries(
            java.util.Map.entry("bundle", "Bundle"),
            java.util.Map.entry("message-header", "MessageHeader"),
            java.util.Map.entry("eligibility-request", "CoverageEligibilityRequest"),
            java.util.Map.entry("eligibility-response", "CoverageEligibilityResponse"),
            java.util.Map.entry("professional-priorauth", "Claim"),
            java.util.Map.entry("professional-claim", "Claim"),
            java.util.Map.entry("claim-response", "ClaimResponse"),
            java.util.Map.entry("priorauth-response", "ClaimResponse"),
            java.util.Map.entry("poll-request", "Task"),
            java.util.Map.entry("patient", "Patient"),
            java.util.Map.entry("coverage", "Coverage"),
            java.util.Map.entry("practitioner", "Practitioner"),
            java.util.Map.entry("provider-organization", "Organization"),
            java.util.Map.entry("insurer-organization", "Organization"),
            java.util.Map.entry("location", "Location"),
            java.util.Map.entry("encounter", "Encounter"),
            java.util.Map.entry("payment-reconciliation", "PaymentReconciliation"));

    /**
     * Each NPHIES profile as its base resource's definition under NPHIES' canonical: the validator checks the resource
     * against FHIR R4 instead of looking for a profile it cannot find (which is also slow, on every message). The
     * NPHIES-specific constraints are {@link NphiesRules}' job.
     */
    private static org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport nphiesStubs(
            FhirContext fhir, DefaultProfileValidationSupport base) {
        var stubs = new org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport(fhir);
        PROFILES.forEach((id, type) -> {
            var definition = (org.hl7.fhir.r4.model.StructureDefinition)
                    base.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
            var stub = definition.copy();
            stub.setId("nphies-" + id);
            stub.setUrl(Nphies.PROFILE + id);
            stub.setVersion("1.0.0");
            stub.setName("Nphies" + type + id.replace("-", ""));
            stub.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/" + type);
            stub.setDerivation(org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule.CONSTRAINT);
            stubs.addStructureDefinition(stub);
        });
        return stubs;
    }

    /** Every problem of the message, errors first; {@link #errors} keeps those that block it. */
    List<Problem> validate(Bundle bundle) {
        List<Problem> problems = new ArrayList<>();
        ValidationResult result = validator.validateWithResult(bundle);
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.INFORMATION) {
                continue;
            }
            problems.add(new Problem(m.getSeverity().getCode(), m.getLocationString(), m.getMessage()));
        }
        for (String rule : NphiesRules.check(bundle)) {
            problems.add(new Problem("error", "NPHIES", rule));
        }
        problems.sort((a, b) -> Boolean.compare(b.error(), a.error()));
        return problems;
    }

    static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::error).toList();
    }
}
