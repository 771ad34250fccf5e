/**
 * The visit record (issue 17, docs/visits.md): one record per appointment (the encounter), opened when the visit
 * starts, with the note in the shape of the discipline (SOAP for medical and nursing, a session note for the
 * therapies) from templates a clinic edits; signing and addenda; vitals in plausible ranges; coded diagnoses (ICD-10)
 * and the patient's problem list; the services performed (what finance bills); laboratory and imaging orders.
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.visits.VisitRecords}, {@link sa.tenhal.visits.Icd10Codes},
 *       {@link sa.tenhal.visits.NoteTemplates}, {@link sa.tenhal.visits.UnsignedNotesReminder} (the job).
 *   <li>Publishes {@link sa.tenhal.visits.VisitOpened}, {@link sa.tenhal.visits.VisitNoteWritten},
 *       {@link sa.tenhal.visits.VisitNoteSigned}, {@link sa.tenhal.visits.AddendumAdded},
 *       {@link sa.tenhal.visits.VitalsRecorded}, {@link sa.tenhal.visits.DiagnosisRecorded},
 *       {@link sa.tenhal.visits.DiagnosisRemoved}, {@link sa.tenhal.visits.ProblemResolved},
 *       {@link sa.tenhal.visits.ServicesPerformed}, {@link sa.tenhal.visits.OrderPlaced},
 *       {@link sa.tenhal.visits.OrderStatusChanged} (ids and codes, never note text),
 *       {@link sa.tenhal.visits.NoteTemplateChanged}, {@link sa.tenhal.visits.Icd10ListLoaded} and
 *       {@link sa.tenhal.visits.UnsignedNotesReminderDue} (a count).
 *   <li>Listens to {@code AppointmentStarted} (opens the record).
 *   <li>Access: {@code PatientData.CLINICAL_RECORD} for the record, {@code PatientData.CLAIM_CODES} for what a claim
 *       needs; every read by a person goes through {@code PatientReads}.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Visits",
        allowedDependencies = {
            "appointments",
            "clinics",
            "patients",
            "identity",
            "platform",
            "platform :: jobs",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.visits;
