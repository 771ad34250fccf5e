package sa.tenhal.patients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/** The seed's FileService: open a file with the next number of the centre and year, close and reopen with a reason. */
@Service
@Transactional
public class PatientFiles {

    private final PatientFileRepository files;
    private final Patients patients;
    private final FileNumbers numbers;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final PatientAccess access;

    PatientFiles(
            PatientFileRepository files,
            Patients patients,
            FileNumbers numbers,
            ClinicTime time,
            ApplicationEventPublisher events,
            PatientAccess access) {
        this.access = access;
        this.files = files;
        this.patients = patients;
        this.numbers = numbers;
        this.time = time;
        this.events = events;
    }

    /** Opens a file for the patient at a centre; 409 if the patient has an open file there already. */
    public PatientFileDetails open(PatientId patient, String centreCode) {
        Patient p = patients.findById(patient.value()).orElseThrow(() -> new NotFoundException("Patient", patient));
        if (p.status() != PatientStatus.ACTIVE) {
            throw ConflictException.illegalTransition("patient", p.status(), "open a file for");
        }
        if (centreCode == null || !centreCode.matches("[A-Z0-9]{2,10}")) {
            throw new InvalidFieldsException("centreCode", "2 to 10 upper-case letters or digits");
        }
        boolean alreadyOpen = files.findByPatientIdOrderByOpenedAtDescIdDesc(patient.value()).stream()
                .anyMatch(f -> f.isOpen() && f.centreCode().equals(centreCode));
        if (alreadyOpen) {
            throw new ConflictException(
                    "file-already-open", "File already open", "The patient has an open file at centre " + centreCode);
        }
        Instant now = time.now();
        String number = numbers.next(centreCode, time.local(now).getYear());
        return files.save(new PatientFile(patient, centreCode, number, now, Actor.currentUserId()))
                .details();
    }

    public PatientFileDetails close(UUID fileId, String reason) {
        PatientFile file = load(fileId);
        file.close(requireReason(reason), time.now(), Actor.currentUserId());
        return files.saveAndFlush(file).details();
    }

    public PatientFileDetails reopen(UUID fileId, String reason) {
        PatientFile file = load(fileId);
        file.reopen(requireReason(reason), time.now(), Actor.currentUserId());
        try {
            return files.saveAndFlush(file).details();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException(
                    "file-already-open",
                    "File already open",
                    "The patient has another open file at centre " + file.centreCode());
        }
    }

    /** A patient's files, newest first; audited as a read of the record. */
    public List<PatientFileDetails> ofPatient(PatientId patient) {
        requirePatient(patient);
        access.require(PatientData.IDENTITY, patient);
        events.publishEvent(new PatientRecordViewed(patient, "files", time.now()));
        return forSummary(patient);
    }

    /** One file; audited as a read of its patient's record. */
    public PatientFileDetails get(UUID fileId) {
        PatientFileDetails file = load(fileId).details();
        access.require(PatientData.IDENTITY, file.patientId());
        events.publishEvent(new PatientRecordViewed(file.patientId(), "file", time.now()));
        return file;
    }

    List<PatientFileDetails> forSummary(PatientId patient) {
        return files.findByPatientIdOrderByOpenedAtDescIdDesc(patient.value()).stream()
                .map(PatientFile::details)
                .toList();
    }

    /** Re-points a merged patient's files to the survivor (part of a merge). */
    void moveAll(PatientId from, PatientId to) {
        List<PatientFile> survivorFiles = files.findByPatientIdOrderByOpenedAtDescIdDesc(to.value());
        Instant now = time.now();
        for (PatientFile file : files.findByPatientIdOrderByOpenedAtDescIdDesc(from.value())) {
            boolean survivorOpenHere = survivorFiles.stream()
                    .anyMatch(f -> f.isOpen() && f.centreCode().equals(file.centreCode()));
            file.moveTo(to, survivorOpenHere, now, Actor.currentUserId());
            files.save(file);
        }
        files.flush();
    }

    private PatientFile load(UUID id) {
        return files.findById(id).orElseThrow(() -> new NotFoundException("Patient file", id));
    }

    private void requirePatient(PatientId patient) {
        if (!patients.existsById(patient.value())) {
            throw new NotFoundException("Patient", patient);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldsException("reason", "must not be blank");
        }
        if (reason.length() > 500) {
            throw new InvalidFieldsException("reason", "at most 500 characters");
        }
        return reason.strip();
    }
}
