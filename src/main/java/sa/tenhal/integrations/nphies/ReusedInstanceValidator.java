package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * HAPI's {@link FhirInstanceValidator} with one HL7 {@link InstanceValidator} per thread instead of one per message.
 *
 * <p>Why: HAPI builds a new {@code InstanceValidator} for every validation, and its constructor reads the validator's
 * OID table from a CSV in the jar and sets up a FHIRPath engine and profile utilities: a quarter of the CPU of a claim
 * (JFR, bench/RESULTS.md "NPHIES claims"). The checks are the same: the validator is configured exactly as HAPI's
 * {@code ValidatorWrapper} configures it (same settings, same profiles: those the options and the resource's
 * {@code meta.profile} name, same filtering and downgrading of its messages afterwards), and is given the same JSON.
 * {@code NphiesMessagesTests} holds the two to the same findings, valid and invalid messages interleaved.
 *
 * <p>An {@code InstanceValidator} is not thread-safe: each thread has its own. Only JSON is validated this way (Tenhal
 * validates its own Bundles, encoded as JSON); anything else goes HAPI's way.
 */
class ReusedInstanceValidator extends FhirInstanceValidator {

    private final ThreadLocal<InstanceValidator> validators = ThreadLocal.withInitial(this::newInstanceValidator);

    ReusedInstanceValidator(IValidationSupport support) {
        super(support);
    }

    private InstanceValidator newInstanceValidator() {
        WorkerContextValidationSupportAdapter context = provideWorkerContext();
        InstanceValidator v = new InstanceValidator(
                context,
                getHostApplicationServices() != null ? getHostApplicationServices() : new NullEvaluationContext(),
                new XVerExtensionManagerOld(context),
                new ValidatorSession(),
                new ValidatorSettings());
        // as HAPI's ValidatorWrapper.validate, in its order
        v.setAssumeValidRestReferences(isAssumeValidRestReferences());
        v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        v.setResourceIdRule(IdStatus.OPTIONAL);
        v.setNoTerminologyChecks(isNoTerminologyChecks());
        v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        v.setUnknownCodeSystemsCauseErrors(true);
        v.getExtensionDomains().addAll(getExtensionDomains());
        v.setFetcher(getValidatorResourceFetcher());
        v.setPolicyAdvisor(getValidatorPolicyAdvisor());
        v.setNoExtensibleWarnings(isNoExtensibleWarnings());
        v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        v.setAllowExamples(isAllowExamples());
        v.setAllowXsiLocation(true);
        return v;
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> request) {
        if (request.getResourceAsStringEncoding() != EncodingEnum.JSON
                || !(request.getResource() instanceof IBaseResource resource)) {
            return super.validate(request);
        }
        WorkerContextValidationSupportAdapter context = provideWorkerContext();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        List<String> urls = new ArrayList<>(request.getOptions().getProfiles());
        for (IPrimitiveType<String> profile : resource.getMeta().getProfile()) {
            urls.add(profile.getValue());
        }
        for (String url : urls) {
            StructureDefinition definition = context.fetchResource(StructureDefinition.class, url);
            if (definition != null) {
                profiles.add(definition);
            } else {
                ValidationMessage m = new ValidationMessage();
                m.setMessageId("Validation_VAL_Profile_Unknown");
                m.setLevel(ValidationMessage.IssueSeverity.ERROR);
                m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
                unknownProfiles.add(m);
            }
        }
        List<ValidationMessage> messages = new ArrayList<>();
        byte[] json = request.getResourceAsString().getBytes(StandardCharsets.UTF_8);
        validators.get().validate(null, messages, new ByteArrayInputStream(json), Manager.FhirFormat.JSON, profiles);
        if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        List<ValidationMessage> kept = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String id = m.getMessageId();
            boolean dropped = id != null
                    && (id.equals("Terminology_TX_Binding_NoSource")
                            || (id.equals("Terminology_TX_ValueSet_NotFound")
                                    && m.getMessage() != null
                                    && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
            if (dropped) {
                continue;
            }
            if ("Validation_VAL_Profile_Unknown".equals(id) || "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY".equals(id)) {
                m.setLevel(
                        isErrorForUnknownProfiles()
                                ? ValidationMessage.IssueSeverity.ERROR
                                : ValidationMessage.IssueSeverity.WARNING);
            }
            kept.add(m);
        }
        return kept;
    }
}
