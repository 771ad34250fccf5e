package sa.tenhal.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One invalid input field and why, as listed in a 422 problem's {@code errors}. The optional {@code code} names the
 * reason for pages, which show it in the user's language ({@code error.<code>} in the messages); the API shows the
 * English {@code reason}.
 */
public record FieldProblem(
        String field, String reason, @JsonIgnore String code) {

    public FieldProblem(String field, String reason) {
        this(field, reason, null);
    }

    public static FieldProblem coded(String field, String code, String reason) {
        return new FieldProblem(field, reason, code);
    }
}
