package sa.tenhal.integrations.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Real-shaped FHIR R4 lab and radiology reports for the sync tests and the bench. */
final class FhirSamples {

    private FhirSamples() {}

    record Sample(DiagnosticReport report, List<Observation> observations, Patient patient) {}

    static Patient patient(String id, String mrn, String family, String given, LocalDate birth, String gender) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier(new Identifier()
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null)))
                .setSystem("urn:tenhal:mrn")
                .setValue(mrn));
        p.addName().setFamily(family).addGiven(given);
        p.setBirthDateElement(new DateType(birth.toString()));
        p.setGender(Enumerations.AdministrativeGender.fromCode(gender));
        return p;
    }

    /** A laboratory report of numeric observations {loinc, name, value, unit, low, high, interpretation}. */
    static Sample lab(String id, Patient patient, String status, String[]... values) {
        DiagnosticReport dr = new DiagnosticReport();
        dr.setId(id);
        dr.setStatus(DiagnosticReport.DiagnosticReportStatus.fromCode(status));
        dr.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB", null)));
        dr.getCode().addCoding(new Coding("http://loinc.org", "24323-8", "Comprehensive metabolic panel"));
        dr.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
        List<Observation> observations = new ArrayList<>();
        int n = 0;
        for (String[] v : values) {
            Observation o = new Observation();
            o.setId(id + "-o" + (++n));
            o.setStatus(Observation.ObservationStatus.fromCode(status));
            o.getCode().addCoding(new Coding("http://loinc.org", v[0], v[1]));
            o.setValue(new Quantity().setValue(new BigDecimal(v[2])).setUnit(v[3]));
            o.addReferenceRange()
                    .setLow(new Quantity().setValue(new BigDecimal(v[4])))
                    .setHigh(new Quantity().setValue(new BigDecimal(v[5])));
            if (v.length > 6 && v[6] != null) {
                o.addInterpretation(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", v[6], null)));
            }
            observations.add(o);
            dr.addResult(new Reference("Observation/" + o.getIdElement().getIdPart()));
        }
        return new Sample(dr, observations, patient);
    }

    static Sample radiology(String id, Patient patient, String conclusion, byte[] pdf) {
        DiagnosticReport dr = new DiagnosticReport();
        dr.setId(id);
        dr.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
        dr.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", null)));
        dr.getCode().addCoding(new Coding("http://loinc.org", "36643-5", "XR Chest 2 Views"));
        dr.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
        dr.setConclusion(conclusion);
        dr.addPresentedForm().setContentType("application/pdf").setData(pdf);
        dr.addImagingStudy(new Reference("ImagingStudy/" + id + "-study"));
        return new Sample(dr, List.of(), patient);
    }
}
