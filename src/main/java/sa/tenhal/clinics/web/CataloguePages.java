package sa.tenhal.clinics.web;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.StaleVersionException;
import sa.tenhal.shared.Language;

/**
 * What the catalogue pages share: saving a form with every problem beside its field (Bean Validation of the request
 * record, then the service's own refusals), running a list's row action with a readable refusal, and the clinics to
 * choose from.
 */
@Component
class CataloguePages {

    /** Who may change the catalogue (the API's rule). */
    static final String EDITORS = "hasAnyRole('ADMIN', 'MANAGER')";

    /** A clinic to choose, named in the page's language. */
    record ClinicChoice(UUID id, String code, String name, boolean active) {}

    private final Validator validator;
    private final MessageSource messages;
    private final ClinicCatalog catalog;

    CataloguePages(Validator validator, MessageSource messages, ClinicCatalog catalog) {
        this.validator = validator;
        this.messages = messages;
        this.catalog = catalog;
    }

    /**
     * Validates {@code request} (null: the form could not even be read, its errors are already marked) and saves it;
     * on success redirects to {@code done} with a notice, otherwise shows {@code view} again with the problems.
     */
    String save(
            Object request,
            BindingResult errors,
            UnaryOperator<String> pageField,
            Model model,
            String view,
            Runnable save,
            RedirectAttributes redirect,
            String done) {
        if (request != null) {
            Forms.validate(validator, request, errors, pageField);
        }
        if (errors.hasErrors()) {
            return view;
        }
        try {
            save.run();
            redirect.addFlashAttribute("notice", "catalogue.saved");
            return "redirect:" + done;
        } catch (InvalidFieldsException e) {
            Forms.reject(errors, e, pageField);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        } catch (ConflictException e) {
            if (!Forms.rejectConflict(errors, e, pageField)) {
                errors.reject("conflict", Forms.describe(messages, e));
            }
        }
        return view;
    }

    /** Runs a list's row action (deactivate, activate); a refusal comes back as a readable message on the list. */
    String act(RedirectAttributes redirect, String notice, Supplier<?> action, String back) {
        return Forms.act(messages, redirect, notice, back, action);
    }

    /**
     * Where a list's row action returns: the list as it was filtered ({@code back}, sent by the page), if it is a
     * catalogue page, else {@code list}.
     */
    static String back(String back, String list) {
        return back != null && back.startsWith(list) && !back.contains("//") && !back.contains("\\") ? back : list;
    }

    /** This list as filtered (path and query), for its row actions to return to. */
    static String here(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** Every clinic (active ones first), for filters and forms. */
    List<ClinicChoice> clinicChoices() {
        Language language = language();
        return catalog.clinics(null, null, Pageable.unpaged(Sort.by("code"))).stream()
                .map(c -> new ClinicChoice(c.id().value(), c.code(), c.name(language), c.active()))
                .sorted(Comparator.comparing((ClinicChoice c) -> !c.active()).thenComparing(ClinicChoice::code))
                .toList();
    }

    /** A clinic's name in the page's language, by id, for lists. */
    java.util.Map<UUID, String> clinicNames() {
        Language language = language();
        return catalog.clinics(null, null, Pageable.unpaged()).stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.id().value(), (ClinicDetails c) -> c.name(language)));
    }

    static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    /** {@code ""} / {@code "true"} / {@code "false"} from a filter; anything else is "all". */
    static Boolean activeFilter(String active) {
        return "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
    }

    /** A message in the page's language. */
    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    /** A message with a count, through ICU plural rules ("دقيقتان", "10 دقائق", "45 دقيقة"). */
    String plural(String key, long count) {
        String pattern = messages.getMessage(key, null, key, locale());
        return new com.ibm.icu.text.MessageFormat(pattern, locale()).format(new Object[] {count});
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
