package sa.tenhal.platform;

import org.springframework.http.HttpStatus;

/** An id that names nothing (404). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", what + " not found", "No " + what.toLowerCase() + " has id " + id);
        with("resource", what);
        with("id", String.valueOf(id));
    }
}
