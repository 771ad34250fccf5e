package sa.tenhal.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be read as meant (400): a parameter or path variable with a refused character, a sort by a
 * property the list does not offer, a header in the wrong shape. Names the field and the reason, like a 422, but says
 * the request itself is wrong rather than a rule of the business.
 */
public class MalformedRequestException extends ProblemException {

    public MalformedRequestException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", field + ": " + reason);
        with("field", field);
        with("errors", List.of(new FieldProblem(field, reason)));
    }
}
