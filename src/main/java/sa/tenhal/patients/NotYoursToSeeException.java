package sa.tenhal.patients;

import org.springframework.http.HttpStatus;
import sa.tenhal.platform.ProblemException;

/** The user's role never sees this kind of a patient's data (403 {@code forbidden}), e.g. finance and notes. */
public class NotYoursToSeeException extends ProblemException {

    public NotYoursToSeeException(PatientData kind) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this");
        with("data", kind.name());
    }
}
