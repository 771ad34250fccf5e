package sa.tenhal.platform;

import org.springframework.http.HttpStatus;

/** The client changed a record on the basis of an old version (412): it must read again and retry. */
public class StaleVersionException extends ProblemException {

    public StaleVersionException(String what, long currentVersion) {
        super(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "Stale version",
                "The " + what.toLowerCase() + " was changed by someone else; read it again (current version "
                        + currentVersion + ")");
        with("currentVersion", currentVersion);
    }

    public StaleVersionException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version", detail);
    }
}
