package sa.tenhal.patients;

import org.springframework.http.HttpStatus;
import sa.tenhal.platform.ProblemException;

/**
 * A clinician asked for a patient outside their care team (403 {@code not-in-care-team}). Breaking the glass — opening
 * the record with a reason that a manager reviews — is the way in; the problem names where.
 */
public class NotInCareTeamException extends ProblemException {

    private final PatientId patient;

    public NotInCareTeamException(PatientId patient) {
        super(
                HttpStatus.FORBIDDEN,
                "not-in-care-team",
                "Not in your care team",
                "This patient is not in your care team. If you need the record, open it with a reason"
                        + " (break the glass); a manager reviews every such access.");
        this.patient = patient;
        with("patientId", patient.value());
        with("breakGlass", "/api/v1/break-glass");
    }

    public PatientId patient() {
        return patient;
    }
}
