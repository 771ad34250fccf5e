package sa.tenhal.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Fields that are well-formed JSON but break a rule (422); every broken field is listed, not just the first. */
public class InvalidFieldsException extends ProblemException {

    private final List<FieldProblem> errors;

    public InvalidFieldsException(List<FieldProblem> errors) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-fields",
                "Invalid fields",
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
        with("errors", this.errors);
    }

    public InvalidFieldsException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
