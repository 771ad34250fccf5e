package sa.tenhal.integrations.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.ResultFlag;

/**
 * A FHIR R4 {@code DiagnosticReport} with its {@code Observation}s and {@code Patient} (included in the search
 * bundle, or contained) as the report {@link ResultIntake} files: the same shape an HL7 v2 ORU gives.
 */
final class FhirReports {

    /** National id (NPHIES) and iqama systems; an identifier typed NI counts too. */
    private static final List<String> NATIONAL_SYSTEMS =
            List.of("http://nphies.sa/identifier/nationalid", "http://nphies.sa/identifier/iqama");

    private FhirReports() {}

    /** The resources of a bundle by their {@code Type/id}, to resolve references. */
    static Map<String, Resource> index(Bundle bundle) {
        Map<String, Resource> byRef = new java.util.HashMap<>();
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            Resource r = e.getResource();
            if (r != null && r.getIdElement().hasIdPart()) {
                byRef.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        return byRef;
    }

    static IncomingReport report(String source, DiagnosticReport dr, Map<String, Resource> included, OrderKind asked) {
        OrderKind kind = asked;
        for (CodeableConcept c : dr.getCategory()) {
            for (Coding coding : c.getCoding()) {
                if ("LAB".equals(coding.getCode())) {
                    kind = OrderKind.LAB;
                } else if ("RAD".equals(coding.getCode()) || "IMG".equals(coding.getCode())) {
                    kind = OrderKind.IMAGING;
                }
            }
        }
        Coding code = dr.getCode().getCodingFirstRep();
        ResultStatus status =
                ResultStatus.ofFhir(dr.hasStatus() ? dr.getStatus().toCode() : null);
        if (status == null) {
            status = ResultStatus.PRELIMINARY;
        }
        String placer = null;
        for (Reference basedOn : dr.getBasedOn()) {
            if (basedOn.hasIdentifier()
                    && OrderMessages.ORDER_SYSTEM.equals(basedOn.getIdentifier().getSystem())) {
                placer = basedOn.getIdentifier().getValue();
            } else if (placer == null
                    && basedOn.hasReferenceElement()
                    && "ServiceRequest".equals(basedOn.getReferenceElement().getResourceType())) {
                placer = basedOn.getReferenceElement().getIdPart();
            }
        }
        Patient patient = resolve(dr.getSubject(), dr, included, Patient.class);
        List<IncomingReport.Observation> observations = new ArrayList<>();
        // an observation is known by its code (and its rank among the report's observations of that code), as in
        // HL7 v2 by OBX-3 and OBX-4: a corrected one supersedes it whatever id the source gave the correction
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Reference ref : dr.getResult()) {
            Observation o = resolve(ref, dr, included, Observation.class);
            if (o != null) {
                String c = o.getCode().getCodingFirstRep().getCode();
                int n = seen.merge(String.valueOf(c), 1, Integer::sum);
                observations.add(observation(o, c + "/" + (n == 1 ? "" : Integer.toString(n))));
            }
        }
        byte[] pdf = null;
        for (Attachment a : dr.getPresentedForm()) {
            if ("application/pdf".equals(a.getContentType()) && a.hasData()) {
                pdf = a.getData();
            }
        }
        String study = dr.getImagingStudy().isEmpty()
                ? null
                : dr.getImagingStudyFirstRep().getReference();
        Instant observed = dr.hasEffectiveDateTimeType()
                ? dr.getEffectiveDateTimeType().getValue().toInstant()
                : dr.hasIssued() ? dr.getIssued().toInstant() : null;
        return new IncomingReport(
                source,
                dr.getIdElement().getIdPart(),
                kind,
                code.getCode(),
                code.getSystem(),
                code.hasDisplay() ? code.getDisplay() : dr.getCode().getText(),
                status,
                placer,
                patient == null ? IncomingReport.SentPatient.NONE : patient(patient),
                observations,
                dr.hasConclusion() ? dr.getConclusion() : null,
                pdf,
                study,
                observed);
    }

    /** The id of this version of the report: a version seen before is a duplicate. */
    static String versionId(DiagnosticReport dr) {
        String version = dr.getMeta().hasVersionId()
                ? dr.getMeta().getVersionId()
                : dr.getMeta().hasLastUpdated()
                        ? Long.toString(dr.getMeta().getLastUpdated().getTime())
                        : "0";
        return "DiagnosticReport/" + dr.getIdElement().getIdPart() + "/_history/" + version;
    }

    private static IncomingReport.Observation observation(Observation o, String key) {
        Coding code = o.getCode().getCodingFirstRep();
        BigDecimal number = null;
        String text = null;
        String unit = null;
        if (o.hasValueQuantity()) {
            number = o.getValueQuantity().getValue();
            unit = o.getValueQuantity().hasUnit()
                    ? o.getValueQuantity().getUnit()
                    : o.getValueQuantity().getCode();
        } else if (o.hasValueStringType()) {
            text = o.getValueStringType().getValue();
        } else if (o.hasValueCodeableConcept()) {
            CodeableConcept c = o.getValueCodeableConcept();
            text = c.hasText() ? c.getText() : c.getCodingFirstRep().getDisplay();
        } else if (o.hasValueBooleanType()) {
            text = o.getValueBooleanType().getValueAsString();
        } else if (o.hasValueIntegerType()) {
            number = new BigDecimal(o.getValueIntegerType().getValue());
        }
        BigDecimal low = null;
        BigDecimal high = null;
        String range = null;
        if (o.hasReferenceRange()) {
            var r = o.getReferenceRangeFirstRep();
            low = r.hasLow() ? r.getLow().getValue() : null;
            high = r.hasHigh() ? r.getHigh().getValue() : null;
            range = r.hasText()
                    ? r.getText()
                    : low != null && high != null
                            ? low.toPlainString() + "-" + high.toPlainString()
                            : low != null
                                    ? ">" + low.toPlainString()
                                    : high != null ? "<" + high.toPlainString() : null;
        }
        String interpretation = o.hasInterpretation()
                ? o.getInterpretationFirstRep().getCodingFirstRep().getCode()
                : null;
        ResultFlag flag = Interpretation.flag(interpretation, number, low, high);
        ResultStatus status = ResultStatus.ofFhir(o.hasStatus() ? o.getStatus().toCode() : null);
        return new IncomingReport.Observation(
                key,
                code.getCode(),
                code.getSystem(),
                code.hasDisplay() ? code.getDisplay() : o.getCode().getText(),
                number,
                text,
                unit,
                range,
                low,
                high,
                interpretation,
                flag,
                status == null ? ResultStatus.PRELIMINARY : status,
                o.hasEffectiveDateTimeType()
                        ? o.getEffectiveDateTimeType().getValue().toInstant()
                        : null);
    }

    private static IncomingReport.SentPatient patient(Patient p) {
        String mrn = null;
        String national = null;
        for (Identifier id : p.getIdentifier()) {
            String type = id.getType().getCodingFirstRep().getCode();
            if ("MR".equals(type) || "urn:tenhal:mrn".equals(id.getSystem())) {
                mrn = id.getValue();
            } else if ("NI".equals(type) || NATIONAL_SYSTEMS.contains(id.getSystem())) {
                national = id.getValue();
            }
        }
        var name = p.getNameFirstRep();
        return new IncomingReport.SentPatient(
                mrn,
                national,
                name.getFamily(),
                name.hasGiven() ? name.getGiven().get(0).getValue() : null,
                p.hasBirthDate()
                        ? java.time.LocalDate.parse(
                                p.getBirthDateElement().getValueAsString().substring(0, 10))
                        : null,
                p.hasGender() ? p.getGender().toCode() : null);
    }

    private static <T extends Resource> T resolve(
            Reference ref, DiagnosticReport dr, Map<String, Resource> included, Class<T> type) {
        if (ref == null || !ref.hasReference()) {
            return null;
        }
        String r = ref.getReference();
        if (r.startsWith("#")) {
            for (Resource contained : dr.getContained()) {
                if (type.isInstance(contained)
                        && r.substring(1).equals(contained.getIdElement().getIdPart())) {
                    return type.cast(contained);
                }
            }
            return null;
        }
        var element = ref.getReferenceElement();
        Resource found = included.get(element.getResourceType() + "/" + element.getIdPart());
        return type.isInstance(found) ? type.cast(found) : null;
    }
}
