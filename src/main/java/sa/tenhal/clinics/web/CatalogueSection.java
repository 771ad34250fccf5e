package sa.tenhal.clinics.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import sa.tenhal.platform.MalformedRequestException;
import sa.tenhal.platform.Paging;

/**
 * The one mechanism behind the catalogue's entity pages (clinics, providers, rooms, services): a filtered, paged list
 * with edit / deactivate / activate on each row, and a create and edit form with every problem beside its field. Each
 * entity configures it — its filters, columns, form fields and the service calls — and {@code catalogue/list} and
 * {@code catalogue/form} render any of them.
 *
 * @param <P> the form as the page submits it (strings, bound by Spring)
 * @param <F> the request record the service checks
 * @param <D> the entity as the catalogue returns it
 */
@PreAuthorize(CataloguePages.EDITORS)
abstract class CatalogueSection<P extends CatalogueFormPage<F>, F, D> {

    /** A choice of a filter or a form's select or checkboxes; {@code note} is shown muted beside it. */
    record Choice(String value, String label, String note) {
        Choice(String value, String label) {
            this(value, label, null);
        }
    }

    /** A list filter (a select with "all" first). */
    record Filter(String name, String labelKey, List<Choice> choices, String selected) {}

    /** A table cell: text, or pills; {@code dir} for codes and numbers; {@code css} classes. */
    record Cell(String text, String muted, List<String> pills, String dir, String css) {
        static Cell of(String text) {
            return new Cell(text, null, List.of(), null, null);
        }

        static Cell ltr(String text) {
            return new Cell(text, null, List.of(), "ltr", null);
        }

        static Cell code(String text) {
            return new Cell(text, null, List.of(), "ltr", "nowrap");
        }

        static Cell pills(List<String> pills) {
            return new Cell(null, null, pills, null, null);
        }
    }

    /** A list column: its heading's message key and how a row's cell is made. */
    record Column<D>(String headerKey, Function<D, Cell> cell) {}

    /** A row of the list, as rendered. */
    record Row(UUID id, boolean active, List<Cell> cells) {}

    /** How a form field is shown. */
    enum Kind {
        TEXT,
        NUMBER,
        SELECT,
        CHECKS,
        /** Shown, not submitted (e.g. the staff user a provider is linked to). */
        FIXED
    }

    /**
     * A form field: {@code name} is the form page's property; {@code locked} when it cannot change (shown read-only);
     * {@code empty} is the message key of the empty choice of a select (none: a choice is required); {@code input}
     * holds extra input attributes (min, max, step, inputmode); {@code value} is a FIXED field's text.
     */
    record Field(
            String name,
            Kind kind,
            String labelKey,
            String hintKey,
            String dir,
            List<Choice> choices,
            String empty,
            boolean locked,
            Map<String, String> input,
            String value) {

        static Field text(String name, String labelKey, String dir) {
            return new Field(name, Kind.TEXT, labelKey, null, dir, List.of(), null, false, Map.of(), null);
        }

        static Field code(String name, String labelKey, String hintKey, boolean locked) {
            return new Field(name, Kind.TEXT, labelKey, hintKey, "ltr", List.of(), null, locked, Map.of(), null);
        }

        static Field select(String name, String labelKey, List<Choice> choices, String empty, boolean locked) {
            return new Field(name, Kind.SELECT, labelKey, null, null, choices, empty, locked, Map.of(), null);
        }

        static Field number(String name, String labelKey, String hintKey, Map<String, String> input) {
            return new Field(name, Kind.NUMBER, labelKey, hintKey, "ltr", List.of(), null, false, input, null);
        }

        static Field checks(String name, List<Choice> choices) {
            return new Field(name, Kind.CHECKS, null, null, null, choices, null, false, Map.of(), null);
        }

        static Field fixed(String name, String labelKey, String value) {
            return new Field(name, Kind.FIXED, labelKey, null, "ltr", List.of(), null, true, Map.of(), value);
        }

        Field hint(String key) {
            return new Field(name, kind, labelKey, key, dir, choices, empty, locked, input, value);
        }

        Field ltr() {
            return new Field(name, kind, labelKey, hintKey, "ltr", choices, empty, locked, input, value);
        }
    }

    /**
     * Fields shown together; with a legend they are a fieldset (checkboxes always are: the fieldset is marked when
     * their field has a problem).
     */
    record Group(String legendKey, List<Field> fields, boolean checks) {
        Group(String legendKey, List<Field> fields) {
            this(legendKey, fields, fields.size() == 1 && fields.get(0).kind() == Kind.CHECKS);
        }

        static Group of(Field... fields) {
            return new Group(null, List.of(fields));
        }

        static Group titled(String legendKey, Field... fields) {
            return new Group(legendKey, List.of(fields));
        }
    }

    /** What the templates need to know of the section. */
    record Section(String key, String base) {}

    private static final int PAGE_SIZE = 50;

    protected final CataloguePages pages;
    private final Section section;

    protected CatalogueSection(String key, CataloguePages pages) {
        this.pages = pages;
        this.section = new Section(key, "/admin/catalogue/" + key);
    }

    // --- what each entity configures

    /** The filters of the list, with the values chosen now ({@code filters}: the request's parameters). */
    protected abstract List<Filter> filters(Map<String, String> filters);

    /** One page of the list. */
    protected abstract Page<D> find(Map<String, String> filters, Boolean active, Pageable page);

    /** The sort of the list. */
    protected abstract Sort sort();

    /** The columns of the list for this page of rows (a section may look things up for the whole page at once). */
    protected abstract List<Column<D>> columns(Page<D> rows);

    protected abstract UUID id(D entry);

    protected abstract boolean active(D entry);

    /** A new, empty form, prefilled from the list's filters where it helps. */
    protected abstract P blank(Map<String, String> params);

    protected abstract D load(UUID id);

    protected abstract P formOf(D entry);

    /** Puts what cannot change back from {@code current}, so a tampered form changes nothing of it. */
    protected abstract void keep(D current, P form);

    /** The form's fields; {@code current} is null for a new entry. */
    protected abstract List<Group> fields(D current);

    protected abstract void create(F request);

    protected abstract void update(UUID id, long version, F request);

    protected abstract void activate(UUID id, boolean active);

    /** The page's name of a field the service names (e.g. {@code clinicIds[0]} → {@code clinicIds}). */
    protected String pageField(String field) {
        return field;
    }

    // --- the pages

    @ModelAttribute
    void section(Model model) {
        model.addAttribute("section", section);
    }

    @GetMapping
    String list(
            @RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Page<D> rows = find(
                params,
                CataloguePages.activeFilter(params.get("active")),
                Paging.unique(PageRequest.of(Math.max(page, 0), PAGE_SIZE, sort())));
        List<Column<D>> columns = columns(rows);
        List<Row> table = new ArrayList<>();
        for (D row : rows) {
            table.add(new Row(
                    id(row),
                    active(row),
                    columns.stream().map(c -> c.cell().apply(row)).toList()));
        }
        String here = CataloguePages.here(request);
        model.addAttribute("here", here);
        model.addAttribute("filters", filters(params));
        model.addAttribute("active", params.get("active"));
        model.addAttribute("newQuery", newQuery(params));
        model.addAttribute("headers", columns.stream().map(Column::headerKey).toList());
        model.addAttribute("rows", table);
        model.addAttribute("previous", rows.getNumber() > 0 ? pageLink(request, rows.getNumber() - 1) : null);
        model.addAttribute("next", rows.hasNext() ? pageLink(request, rows.getNumber() + 1) : null);
        return "catalogue/list";
    }

    /** The filters carried to "new" (so a room made from a clinic's list is in that clinic). */
    protected Map<String, String> newQuery(Map<String, String> params) {
        return Map.of();
    }

    @GetMapping("/new")
    String createForm(@RequestParam Map<String, String> params, Model model) {
        return form(model, blank(params), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") P form, BindingResult errors, Model model, RedirectAttributes redirect) {
        form(model, form, null);
        F request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                this::pageField,
                model,
                "catalogue/form",
                () -> create(request),
                redirect,
                section.base());
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        D current = load(id);
        return form(model, formOf(current), current);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") P form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        D current = load(id);
        keep(current, form);
        form(model, form, current);
        F request = form.toForm(errors);
        return pages.save(
                request,
                errors,
                this::pageField,
                model,
                "catalogue/form",
                () -> update(id, form.getVersion(), request),
                redirect,
                section.base());
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.deactivated",
                () -> {
                    activate(id, false);
                    return id;
                },
                CataloguePages.back(back, section.base()));
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "catalogue.activated",
                () -> {
                    activate(id, true);
                    return id;
                },
                CataloguePages.back(back, section.base()));
    }

    private String form(Model model, P form, D current) {
        model.addAttribute("form", form);
        model.addAttribute("editId", current == null ? null : id(current));
        model.addAttribute("groups", fields(current));
        return "catalogue/form";
    }

    private String pageLink(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(section.base())
                .query(request.getQueryString())
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }

    // --- helpers for the sections

    /** A filter's value as an id; anything else is a 400 naming the filter. */
    static UUID uuid(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(name, "not an id");
        }
    }

    /** A filter's value as one of an enum's names; anything else is a 400 naming the filter. */
    static <E extends Enum<E>> E choice(Map<String, String> params, String name, Class<E> type) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException(name, "not one of the choices");
        }
    }

    /** The clinics to choose from, for filters, selects and checkboxes. */
    List<Choice> clinicChoices(boolean noteInactive) {
        return pages.clinicChoices().stream()
                .map(c -> new Choice(
                        c.id().toString(),
                        c.name(),
                        noteInactive && !c.active() ? "(" + pages.message("catalogue.inactive") + ")" : null))
                .toList();
    }

    /** An enum's values, each named by {@code prefix + name} in the page's language. */
    <E extends Enum<E>> List<Choice> enumChoices(E[] values, String prefix) {
        return java.util.Arrays.stream(values)
                .map(v -> new Choice(v.name(), pages.message(prefix + v.name())))
                .toList();
    }
}
