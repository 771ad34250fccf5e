package sa.tenhal.platform.jobs;

/** An error that retrying cannot fix (a rejected address, a record that no longer exists): no more attempts. */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }

    public PermanentJobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
