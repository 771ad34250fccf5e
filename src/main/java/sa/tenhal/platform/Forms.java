package sa.tenhal.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;

/**
 * Errors on pages: validation of the same request records the API validates, and the services' refusals
 * ({@link InvalidFieldsException}), put next to the fields of a page's form. Messages come in the user's language:
 * Bean Validation interpolates in the request's locale, and coded problems are looked up as {@code error.<code>}.
 */
public final class Forms {

    private Forms() {}

    /** Validates {@code target} and rejects each violation on the page field its property path maps to. */
    public static void validate(
            Validator validator, Object target, BindingResult errors, UnaryOperator<String> pageField) {
        for (ConstraintViolation<Object> violation : validator.validate(target)) {
            reject(errors, pageField.apply(violation.getPropertyPath().toString()), null, violation.getMessage());
        }
    }

    /** Puts a service's field problems on the page's fields. */
    public static void reject(BindingResult errors, InvalidFieldsException problems, UnaryOperator<String> pageField) {
        for (FieldProblem problem : problems.errors()) {
            reject(
                    errors,
                    pageField.apply(problem.field()),
                    problem.code() == null ? null : "error." + problem.code(),
                    problem.reason());
        }
    }

    /**
     * Puts problems on fields that have none yet: for a service's rules checked alongside field validation, whose
     * findings on the same field would only say the same thing twice.
     */
    public static void rejectUnmarked(
            BindingResult errors, java.util.List<FieldProblem> problems, UnaryOperator<String> pageField) {
        for (FieldProblem problem : problems) {
            String field = pageField.apply(problem.field());
            boolean marked;
            try {
                marked = errors.hasFieldErrors(field);
            } catch (RuntimeException e) {
                marked = false;
            }
            if (!marked) {
                reject(errors, field, problem.code() == null ? null : "error." + problem.code(), problem.reason());
            }
        }
    }

    /**
     * Puts a conflict that names its field (a taken username, a duplicate code: the problem's {@code field} member)
     * beside that field, as {@code error.<type>}. Returns false, and rejects nothing, when the conflict names no field.
     */
    public static boolean rejectConflict(
            BindingResult errors, ConflictException conflict, UnaryOperator<String> pageField) {
        Object field = conflict.properties().get("field");
        if (!(field instanceof String name)) {
            return false;
        }
        reject(errors, pageField.apply(name), "error." + conflict.type(), conflict.getMessage());
        return true;
    }

    /**
     * A refusal as one sentence in the user's language, for a page's notice: {@code error.<code>} of the first field
     * problem, or {@code error.<type>} of the problem; the English detail when neither is in the messages. A field
     * problem's message may use the problem's other members as {@code {0}}, {@code {1}}… in the order of their names
     * (a refund's {@code refundable} amount); such a message is a MessageFormat pattern (a quote is written '').
     */
    public static String describe(MessageSource messages, ProblemException problem) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = problem.properties().entrySet().stream()
                .filter(e -> !e.getKey().equals("errors"))
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getValue() instanceof java.math.BigDecimal amount ? amount.toPlainString() : e.getValue())
                .toArray();
        // the English detail is the last resort, and only on an English page: any other language gets a sentence
        // of its own naming the field (a refusal in English on an Arabic page reads as a fault)
        boolean english = "en".equals(locale.getLanguage());
        if (problem instanceof InvalidFieldsException invalid
                && !invalid.errors().isEmpty()) {
            FieldProblem first = invalid.errors().get(0);
            String coded =
                    first.code() == null ? null : messages.getMessage("error." + first.code(), args, null, locale);
            if (coded != null) {
                return coded;
            }
            if (english) {
                return first.reason();
            }
            String property = fieldLeaf(first.field());
            String label = messages.getMessage(
                    "field." + property,
                    null,
                    messages.getMessage("error.refused.someField", null, property, locale),
                    locale);
            return messages.getMessage("error.refused.field", new Object[] {label}, first.reason(), locale);
        }
        String typed = messages.getMessage("error." + problem.type(), null, null, locale);
        if (typed != null) {
            return typed;
        }
        return english
                ? problem.getMessage()
                : messages.getMessage("error.refused", null, problem.getMessage(), locale);
    }

    /** {@code allocations[0].amount} → {@code amount}: the property a label is looked up for. */
    private static String fieldLeaf(String field) {
        if (field == null) {
            return "";
        }
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        int bracket = leaf.indexOf('[');
        return bracket < 0 ? leaf : leaf.substring(0, bracket);
    }

    private static void reject(BindingResult errors, String field, String code, String message) {
        try {
            errors.rejectValue(field, code == null ? "invalid" : code, message);
        } catch (NotReadablePropertyException | IllegalArgumentException e) {
            errors.reject(code == null ? "invalid" : code, message);
        }
    }

    /**
     * Runs a page's action (a row's button, a small form) and goes back to {@code back}: with {@code notice} (a message
     * key) when it worked, with the refusal as a sentence in the user's language when it did not.
     */
    public static String act(
            MessageSource messages,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
            String notice,
            String back,
            java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", describe(messages, e));
        }
        return "redirect:" + back;
    }
}
