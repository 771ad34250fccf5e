package sa.tenhal.platform;

import org.springframework.http.HttpStatus;

/**
 * The request is well-formed but clashes with the current state (409): a duplicate, an illegal status transition, a
 * taken slot. The {@code type} slug tells clients which clash it is.
 */
public class ConflictException extends ProblemException {

    public ConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    /** An illegal state transition, naming the current status. */
    public static ConflictException illegalTransition(String what, Object currentStatus, String action) {
        ConflictException e = new ConflictException(
                "illegal-transition",
                "Not allowed in the current status",
                "Cannot " + action + " a " + what + " that is " + currentStatus);
        e.with("currentStatus", String.valueOf(currentStatus));
        return e;
    }
}
