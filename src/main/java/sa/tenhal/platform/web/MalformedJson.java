package sa.tenhal.platform.web;

import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Says in plain words where a request body could not be read, without echoing the whole body back. */
final class MalformedJson {

    private MalformedJson() {}

    static String describe(HttpMessageNotReadableException e) {
        Optional<String> field = field(e);
        if (field.isPresent() && e.getCause() instanceof JsonText.RefusedCharacter refused) {
            return "The value of '" + field.get() + "' " + refused.reason();
        }
        if (field.isPresent()) {
            return "The value of '" + field.get() + "' has the wrong type or format";
        }
        if (e.getCause() instanceof JacksonException) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing or unreadable";
    }

    static Optional<String> field(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException de && !de.getPath().isEmpty()) {
            String path = de.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return Optional.of(path);
        }
        return Optional.empty();
    }
}
