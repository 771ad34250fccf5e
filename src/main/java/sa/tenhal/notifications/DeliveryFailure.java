package sa.tenhal.notifications;

/** A message could not be handed over. Transient failures (timeouts, 5xx) are retried; the others are not. */
class DeliveryFailure extends Exception {

    private final boolean retryable;

    DeliveryFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    static DeliveryFailure retryable(String message, Throwable cause) {
        return new DeliveryFailure(message, true, cause);
    }

    static DeliveryFailure permanent(String message, Throwable cause) {
        return new DeliveryFailure(message, false, cause);
    }

    boolean retryable() {
        return retryable;
    }
}
