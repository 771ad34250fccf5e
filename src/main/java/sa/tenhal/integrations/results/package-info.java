/**
 * Laboratory and radiology results (issue 22, docs/results.md): orders out to the lab or imaging centre (HL7 v2.5 over
 * MLLP or a FHIR ServiceRequest), results in (an MLLP listener for {@code ORU^R01}; the {@code sync-lab-results} and
 * {@code sync-radiology-results} jobs pulling FHIR {@code DiagnosticReport}s), matched to the order or the patient
 * (or queued for a person), stored as clinicians read them with the history of corrections, and acted on through the
 * visit record ({@code VisitRecords.resultArrived}: the order moves on, the clinician is told).
 */
package sa.tenhal.integrations.results;
