package sa.tenhal.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API answers as an RFC 9457 problem: the status, a stable type slug
 * ({@code urn:tenhal:problem:<slug>}), a human title and detail, and extra members that name what the client needs
 * (the field, the existing record, the current status). The request changes nothing when this is thrown: services
 * throw it before writing, or inside the transaction that it rolls back.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** Adds a member to the problem body; returns this for chaining. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
