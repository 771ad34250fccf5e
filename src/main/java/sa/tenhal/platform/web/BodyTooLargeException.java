package sa.tenhal.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that is longer than {@code tenhal.api.max-body-size}. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
