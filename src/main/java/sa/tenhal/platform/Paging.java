package sa.tenhal.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;

/**
 * Lists are sortable only by the properties an endpoint names; anything else is a 400 that says what is allowed. Every
 * list's order ends with the record's id, so that rows equal in what the client sorts by (appointments starting at the
 * same time) keep one order from page to page: without it PostgreSQL may return such rows in a different order for
 * each page, and a client walking the pages saw some rows twice and others never.
 */
public final class Paging {

    /** The property every record has and no two records share. */
    public static final String ID = "id";

    private Paging() {}

    /**
     * Checks the requested sort against the allowed API property names and maps them to entity properties
     * ({@code apiName -> entityProperty}); applies {@code fallback} when the client asked for no sort; ends the order
     * with the id.
     */
    public static Pageable sortableBy(Pageable requested, Map<String, String> allowed, Sort fallback) {
        if (requested.getSort().isUnsorted()) {
            return unique(PageRequest.of(requested.getPageNumber(), requested.getPageSize(), fallback));
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
        return unique(PageRequest.of(requested.getPageNumber(), requested.getPageSize(), Sort.by(orders)));
    }

    /** {@code page} with its order ended by the id (ascending), unless the order already names the id. */
    public static Pageable unique(Pageable page) {
        Sort sort = unique(page.getSort());
        return page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), sort) : Pageable.unpaged(sort);
    }

    /** {@code sort} ended by the id (ascending), unless it already names the id. */
    public static Sort unique(Sort sort) {
        return sort.getOrderFor(ID) != null ? sort : sort.and(Sort.by(ID));
    }

    /** Reads {@code size} rows from an offset: a list that pages itself in SQL. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(int offset, int limit);
    }

    /**
     * One page, numbered from 0, of a list that pages itself, answered as every list is ({@code {content, page}}):
     * empty beyond the end however far the client asks, without a query and without {@code page × size} overflowing
     * into a negative offset.
     */
    public static <T> PagedModel<T> page(int page, int size, long total, Rows<T> rows) {
        long offset = (long) page * size;
        List<T> content = offset >= total ? List.of() : rows.read((int) offset, size);
        return new PagedModel<>(new PageImpl<>(content, PageRequest.of(page, size), total));
    }

    static final class BadSort extends MalformedRequestException {
        BadSort(String property, java.util.Set<String> allowed) {
            super(
                    "sort",
                    "cannot sort by '" + shown(property) + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        }

        /** The refused property as the answer shows it: at most 100 characters, without control characters. */
        private static String shown(String property) {
            String shown = ControlCharacters.present(property) ? property.replaceAll("\\p{Cntrl}", "\uFFFD") : property;
            return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
        }
    }
}
