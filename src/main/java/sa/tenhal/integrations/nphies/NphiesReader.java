package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads NPHIES messages with HAPI FHIR: the header (event, sender, receiver, focus, the message answered) and what
 * Tenhal acts on — a claim's or prior authorisation's lines (the simulator and the examples), an eligibility answer, an
 * adjudication, a payment reconciliation, the messages a poll brings back. A body that is not a FHIR message Bundle is
 * {@link Malformed}.
 */
final class NphiesReader {

    /** The answer is not a FHIR message Bundle: the partner's fault, worth sending the same message again. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    record Header(
            String messageId,
            Nphies.Event event,
            String eventCode,
            String senderLicence,
            String receiverLicence,
            String focus,
            String answers,
            String responseCode,
            boolean queuedMessages) {}

    record Line(
            int sequence,
            String system,
            String code,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal patientShare) {}

    record ClaimRequest(
            Claim.Use use,
            String identifier,
            String type,
            String subType,
            String patientIdentifier,
            String memberId,
            String relationship,
            String payerLicence,
            List<String> diagnoses,
            List<Line> lines,
            List<String> preAuthRefs,
            String relatedClaim,
            BigDecimal total) {}

    record EligibilityRequest(String identifier, String memberId, String patientIdentifier, String payerLicence) {}

    record Benefit(String category, String type, String value) {}

    record EligibilityAnswer(
            String requestIdentifier,
            String outcome,
            boolean inForce,
            String siteEligibility,
            String disposition,
            List<Benefit> benefits,
            List<String> errors) {}

    record ItemAdjudication(
            int sequence, BigDecimal eligible, BigDecimal benefit, BigDecimal copay, List<String> reasons) {}

    record Adjudication(
            Claim.Use use,
            String requestIdentifier,
            String outcome,
            String adjudicationOutcome,
            String preAuthRef,
            String disposition,
            List<ItemAdjudication> items,
            BigDecimal benefitTotal,
            List<String> errors) {}

    record PaymentDetail(String claimIdentifier, BigDecimal amount) {}

    record Payment(
            String identifier,
            String payerLicence,
            BigDecimal amount,
            String paymentDate,
            List<PaymentDetail> details) {}

    private final FhirContext fhir;

    NphiesReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    IParser parser() {
        return fhir.newJsonParser();
    }

    String json(Bundle bundle) {
        return parser().encodeResourceToString(bundle);
    }

    Bundle parse(String json) {
        if (json == null || json.isBlank()) {
            throw new Malformed("empty answer");
        }
        try {
            var resource = parser().parseResource(json);
            if (resource instanceof OperationOutcome outcome) {
                Bundle wrapper = new Bundle();
                wrapper.setType(Bundle.BundleType.COLLECTION);
                wrapper.addEntry().setResource(outcome);
                return wrapper;
            }
            if (!(resource instanceof Bundle bundle)) {
                throw new Malformed("not a Bundle: " + resource.fhirType());
            }
            return bundle;
        } catch (DataFormatException e) {
            throw new Malformed("not FHIR JSON: " + e.getMessage());
        }
    }

    Header header(Bundle bundle) {
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader h)) {
            throw new Malformed("the Bundle's first entry is not a MessageHeader");
        }
        String code = h.getEventCoding().getCode();
        boolean queued = h.getMeta().getTag().stream().anyMatch(t -> "queued-messages".equals(t.getCode()));
        return new Header(
                idOf(h),
                Nphies.Event.of(code),
                code,
                h.getSender().getIdentifier().getValue(),
                h.getDestination().isEmpty()
                        ? null
                        : h.getDestinationFirstRep()
                                .getReceiver()
                                .getIdentifier()
                                .getValue(),
                h.getFocus().isEmpty() ? null : h.getFocusFirstRep().getReference(),
                h.hasResponse() ? h.getResponse().getIdentifier() : null,
                h.hasResponse() ? h.getResponse().getCode().toCode() : null,
                queued);
    }

    /** The problems of an OperationOutcome answer (a message too broken to process), if that is what came. */
    List<String> operationOutcome(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        for (var e : bundle.getEntry()) {
            if (e.getResource() instanceof OperationOutcome outcome) {
                outcome.getIssue()
                        .forEach(i -> problems.add((i.getDetails().hasCoding()
                                        ? i.getDetails().getCodingFirstRep().getCode() + " "
                                        : "")
                                + (i.hasDiagnostics()
                                        ? i.getDiagnostics()
                                        : i.getDetails().getText())));
            }
        }
        return problems;
    }

    <T extends Resource> Optional<T> first(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }

    ClaimRequest claim(Bundle bundle) {
        Claim c = first(bundle, Claim.class).orElseThrow(() -> new Malformed("no Claim in the message"));
        Patient patient = first(bundle, Patient.class).orElse(null);
        Coverage coverage = first(bundle, Coverage.class).orElse(null);
        List<Line> lines = new ArrayList<>();
        for (Claim.ItemComponent item : c.getItem()) {
            Coding product = item.getProductOrService().getCodingFirstRep();
            lines.add(new Line(
                    item.getSequence(),
                    product.getSystem(),
                    product.getCode(),
                    item.hasQuantity() ? item.getQuantity().getValue() : BigDecimal.ONE,
                    item.hasUnitPrice() ? item.getUnitPrice().getValue() : null,
                    item.hasNet() ? item.getNet().getValue() : null,
                    money(item.getExtensionByUrl(Nphies.EXTENSION + "tax")),
                    money(item.getExtensionByUrl(Nphies.EXTENSION + "patient-share"))));
        }
        List<String> preAuthRefs = new ArrayList<>();
        c.getInsurance().forEach(i -> i.getPreAuthRef().forEach(s -> preAuthRefs.add(s.getValue())));
        return new ClaimRequest(
                c.getUse(),
                c.getIdentifierFirstRep().getValue(),
                c.getType().getCodingFirstRep().getCode(),
                c.getSubType().getCodingFirstRep().getCode(),
                patient == null ? null : patient.getIdentifierFirstRep().getValue(),
                coverage == null ? null : coverage.getIdentifierFirstRep().getValue(),
                coverage == null
                        ? null
                        : coverage.getRelationship().getCodingFirstRep().getCode(),
                receiver(bundle),
                c.getDiagnosis().stream()
                        .map(d -> d.getDiagnosisCodeableConcept()
                                .getCodingFirstRep()
                                .getCode())
                        .toList(),
                lines,
                preAuthRefs,
                c.getRelated().isEmpty()
                        ? null
                        : c.getRelatedFirstRep().getClaim().getIdentifier().getValue(),
                c.hasTotal() ? c.getTotal().getValue() : null);
    }

    EligibilityRequest eligibility(Bundle bundle) {
        CoverageEligibilityRequest r = first(bundle, CoverageEligibilityRequest.class)
                .orElseThrow(() -> new Malformed("no CoverageEligibilityRequest in the message"));
        Patient patient = first(bundle, Patient.class).orElse(null);
        Coverage coverage = first(bundle, Coverage.class).orElse(null);
        return new EligibilityRequest(
                r.getIdentifierFirstRep().getValue(),
                coverage == null ? null : coverage.getIdentifierFirstRep().getValue(),
                patient == null ? null : patient.getIdentifierFirstRep().getValue(),
                receiver(bundle));
    }

    EligibilityAnswer eligibilityAnswer(Bundle bundle) {
        CoverageEligibilityResponse r = first(bundle, CoverageEligibilityResponse.class)
                .orElseThrow(() -> new Malformed("no CoverageEligibilityResponse in the answer"));
        boolean inForce = !r.getInsurance().isEmpty()
                && r.getInsurance().stream().allMatch(CoverageEligibilityResponse.InsuranceComponent::getInforce);
        List<Benefit> benefits = new ArrayList<>();
        for (var insurance : r.getInsurance()) {
            for (var item : insurance.getItem()) {
                String category = item.getCategory().getCodingFirstRep().getCode();
                for (var benefit : item.getBenefit()) {
                    String value = benefit.hasAllowedMoney()
                            ? benefit.getAllowedMoney().getValue().toPlainString() + " SAR"
                            : benefit.hasAllowedUnsignedIntType()
                                    ? benefit.getAllowedUnsignedIntType().getValue() + " %"
                                    : benefit.hasAllowedStringType()
                                            ? benefit.getAllowedStringType().getValue()
                                            : "";
                    benefits.add(new Benefit(
                            category, benefit.getType().getCodingFirstRep().getCode(), value));
                }
            }
        }
        Extension site = r.getExtensionByUrl(Nphies.EXTENSION + "siteEligibility");
        return new EligibilityAnswer(
                r.getRequest().getIdentifier().getValue(),
                r.getOutcome() == null ? null : r.getOutcome().toCode(),
                inForce,
                site == null
                        ? null
                        : ((CodeableConcept) site.getValue())
                                .getCodingFirstRep()
                                .getCode(),
                r.getDisposition(),
                benefits,
                r.getError().stream()
                        .map(e -> e.getCode().getCodingFirstRep().getCode() + " "
                                + e.getCode().getCodingFirstRep().getDisplay())
                        .toList());
    }

    Adjudication adjudication(ClaimResponse r) {
        Extension outcome = r.getExtensionByUrl(Nphies.EXTENSION + "adjudication-outcome");
        List<ItemAdjudication> items = new ArrayList<>();
        for (var item : r.getItem()) {
            BigDecimal eligible = null;
            BigDecimal benefit = null;
            BigDecimal copay = null;
            List<String> reasons = new ArrayList<>();
            for (var a : item.getAdjudication()) {
                String category = a.getCategory().getCodingFirstRep().getCode();
                BigDecimal amount = a.hasAmount() ? a.getAmount().getValue() : null;
                switch (category == null ? "" : category) {
                    case "eligible" -> eligible = amount;
                    case "benefit" -> benefit = amount;
                    case "copay" -> copay = amount;
                    default -> {}
                }
                if (a.hasReason()) {
                    Coding reason = a.getReason().getCodingFirstRep();
                    reasons.add(reason.getCode() + (reason.hasDisplay() ? " " + reason.getDisplay() : ""));
                }
            }
            items.add(new ItemAdjudication(item.getItemSequence(), eligible, benefit, copay, reasons));
        }
        BigDecimal total = r.getTotal().stream()
                .filter(t ->
                        "benefit".equals(t.getCategory().getCodingFirstRep().getCode()))
                .map(t -> t.getAmount().getValue())
                .findFirst()
                .orElse(null);
        return new Adjudication(
                r.getUse() == ClaimResponse.Use.PREAUTHORIZATION ? Claim.Use.PREAUTHORIZATION : Claim.Use.CLAIM,
                r.getRequest().getIdentifier().getValue(),
                r.getOutcome() == null ? null : r.getOutcome().toCode(),
                outcome == null
                        ? null
                        : ((CodeableConcept) outcome.getValue())
                                .getCodingFirstRep()
                                .getCode(),
                r.getPreAuthRef(),
                r.getDisposition(),
                items,
                total,
                r.getError().stream()
                        .map(e -> e.getCode().getCodingFirstRep().getCode() + " "
                                + e.getCode().getCodingFirstRep().getDisplay())
                        .toList());
    }

    Payment payment(PaymentReconciliation p) {
        List<PaymentDetail> details = new ArrayList<>();
        for (var d : p.getDetail()) {
            details.add(new PaymentDetail(
                    d.getRequest().getIdentifier().getValue(),
                    d.hasAmount() ? d.getAmount().getValue() : BigDecimal.ZERO));
        }
        return new Payment(
                p.getIdentifierFirstRep().getValue(),
                p.getPaymentIssuer().getIdentifier().getValue(),
                p.getPaymentAmount().getValue(),
                p.getPaymentDateElement().getValueAsString(),
                details);
    }

    /** The messages a poll answer brings: each a Bundle entry of the poll-response. */
    List<Bundle> polled(Bundle pollResponse) {
        return pollResponse.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Bundle.class::isInstance)
                .map(Bundle.class::cast)
                .toList();
    }

    /** A resource's own id; HAPI reports a resource under {@code urn:uuid:} with the whole URN as its id. */
    static String idOf(Resource r) {
        String id = r.getIdElement().getIdPart();
        if (id != null && id.startsWith("urn:uuid:")) {
            return id.substring("urn:uuid:".length());
        }
        String value = r.getIdElement().getValue();
        return value != null && value.startsWith("urn:uuid:") ? value.substring(9) : id;
    }

    private String receiver(Bundle bundle) {
        MessageHeader h = (MessageHeader) bundle.getEntryFirstRep().getResource();
        return h.getDestination().isEmpty()
                ? null
                : h.getDestinationFirstRep().getReceiver().getIdentifier().getValue();
    }

    static BigDecimal money(Extension e) {
        return e != null && e.getValue() instanceof Money m ? m.getValue() : null;
    }

    static String identifier(List<Identifier> ids) {
        return ids.isEmpty() ? null : ids.get(0).getValue();
    }
}
