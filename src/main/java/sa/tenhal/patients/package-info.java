/**
 * The patient registry (seed "core": PatientService, FileService, the Consent signal): patients with their identity
 * documents, contacts, guardians and insurance coverage; patient files numbered per centre and year; consents; search;
 * archive, restore and merge; the patient summary.
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.patients.PatientRegistry}, {@link sa.tenhal.patients.PatientFiles},
 *       {@link sa.tenhal.patients.Consents}, {@link sa.tenhal.patients.PatientSummaries}. Later modules add their part
 *       of the summary by implementing {@link sa.tenhal.patients.PatientSummaryContributor}, so this module never
 *       depends on them.
 *   <li>Publishes {@link sa.tenhal.patients.PatientRegistered}, {@link sa.tenhal.patients.PatientUpdated},
 *       {@link sa.tenhal.patients.PatientArchived}, {@link sa.tenhal.patients.PatientRestored},
 *       {@link sa.tenhal.patients.PatientsMerged}, {@link sa.tenhal.patients.PatientRecordViewed},
 *       {@link sa.tenhal.patients.PatientFileOpened}, {@link sa.tenhal.patients.PatientFileClosed},
 *       {@link sa.tenhal.patients.PatientFileReopened}, {@link sa.tenhal.patients.ConsentRecorded},
 *       {@link sa.tenhal.patients.ConsentWithdrawn}: ids and field names, never patient data.
 *   <li>Listens to nothing. Nothing with history is ever deleted.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Patients",
        allowedDependencies = {"platform", "platform :: validation", "shared"})
package sa.tenhal.patients;
