package sa.tenhal.patients;

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
import sa.tenhal.shared.Language;

/**
 * Recording and withdrawing consents. A minor's consent is given by one of their guardians; an adult gives their own.
 * Recording publishes {@link ConsentRecorded} (the care team is told).
 */
@Service
@Transactional
public class Consents {

    private final ConsentRepository consents;
    private final Patients patients;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final PatientAccess access;

    Consents(
            ConsentRepository consents,
            Patients patients,
            ClinicTime time,
            ApplicationEventPublisher events,
            PatientAccess access) {
        this.access = access;
        this.consents = consents;
        this.patients = patients;
        this.time = time;
        this.events = events;
    }

    public ConsentDetails record(PatientId patientId, ConsentForm form) {
        // the form's own limits, for callers that did not validate it (the profile page): a 422, not a 500
        if (form.textVersion() == null
                || form.textVersion().isBlank()
                || form.textVersion().length() > 30) {
            throw new InvalidFieldsException("textVersion", "is required, at most 30 characters");
        }
        Patient patient =
                patients.findById(patientId.value()).orElseThrow(() -> new NotFoundException("Patient", patientId));
        access.require(PatientData.GUARDIANS, patientId);
        if (patient.status() != PatientStatus.ACTIVE) {
            throw ConflictException.illegalTransition("patient", patient.status(), "record a consent for");
        }
        boolean minor = patient.birthDate().plusYears(PatientRules.ADULT_AGE).isAfter(time.today());
        String signer;
        if (form.givenBy() == ConsentForm.GivenBy.GUARDIAN) {
            if (form.guardianId() == null) {
                throw new InvalidFieldsException("guardianId", "name the guardian who consents");
            }
            signer = patient.guardians().stream()
                    .filter(g -> g.id().equals(form.guardianId()))
                    .map(Guardian::name)
                    .findFirst()
                    .orElseThrow(() -> new InvalidFieldsException("guardianId", "is not a guardian of this patient"));
        } else {
            if (minor) {
                throw new InvalidFieldsException(
                        "givenBy", "a patient under " + PatientRules.ADULT_AGE + " consents through a guardian");
            }
            if (form.guardianId() != null) {
                throw new InvalidFieldsException("guardianId", "only for consents given by a guardian");
            }
            signer = patient.details().fullName(Language.EN);
        }
        if (form.givenAt() != null && form.givenAt().isAfter(time.now())) {
            throw new InvalidFieldsException("givenAt", "cannot be in the future");
        }
        return consents.save(new Consent(patientId, form, signer, time.now(), Actor.currentUserId()))
                .details();
    }

    public ConsentDetails withdraw(UUID consentId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidFieldsException("reason", "give a reason of at most 500 characters");
        }
        Consent consent = consents.findById(consentId).orElseThrow(() -> new NotFoundException("Consent", consentId));
        access.require(PatientData.GUARDIANS, consent.details().patientId());
        consent.withdraw(reason.strip(), time.now());
        return consents.save(consent).details();
    }

    /** A patient's consents, newest first; audited as a read of the record. */
    public List<ConsentDetails> ofPatient(PatientId patientId) {
        if (!patients.existsById(patientId.value())) {
            throw new NotFoundException("Patient", patientId);
        }
        access.require(PatientData.GUARDIANS, patientId);
        events.publishEvent(new PatientRecordViewed(patientId, "consents", time.now()));
        return forSummary(patientId);
    }

    List<ConsentDetails> forSummary(PatientId patientId) {
        return consents.findByPatientIdOrderByGivenAtDescIdDesc(patientId.value()).stream()
                .map(Consent::details)
                .toList();
    }

    void moveAll(PatientId from, PatientId to) {
        for (Consent consent : consents.findByPatientIdOrderByGivenAtDescIdDesc(from.value())) {
            consent.moveTo(to);
            consents.save(consent);
        }
    }
}
