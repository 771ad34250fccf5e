package sa.tenhal.platform;

import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/** Lists are sortable only by the properties an endpoint names; anything else is a 400 that says what is allowed. */
public final class Paging {

    private Paging() {}

    /**
     * Checks the requested sort against the allowed API property names and maps them to entity properties
     * ({@code apiName -> entityProperty}); applies {@code fallback} when the client asked for no sort.
     */
    public static Pageable sortableBy(Pageable requested, Map<String, String> allowed, Sort fallback) {
        if (requested.getSort().isUnsorted()) {
            return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), fallback);
        }
        List<Sort.Order> orders = requested.getSort().stream()
                .map(order -> {
                    String property = allowed.get(order.getProperty());
                    if (property == null) {
                        throw new BadSort(order.getProperty(), allowed.keySet());
                    }
                    return order.withProperty(property);
                })
                .toList();
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), Sort.by(orders));
    }

    static final class BadSort extends ProblemException {
        BadSort(String property, java.util.Set<String> allowed) {
            super(
                    HttpStatus.BAD_REQUEST,
                    "malformed-request",
                    "Malformed request",
                    "sort: cannot sort by '" + property + "'; allowed: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
            with("errors", List.of(new FieldProblem("sort", "cannot sort by '" + property + "'")));
        }
    }
}
