package sa.tenhal.platform.validation;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.HibernateMessageInterpolatorContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Makes every standard validation message name its field in the user's language: "Birth date cannot be in the
 * future", «تاريخ الميلاد: لا يمكن أن يكون في المستقبل», never a bare "must not be null" beside a summary that does not
 * say which field. The label is {@code field.<property>} from the messages (the property's words when there is none);
 * the sentence is {@code validation.named}. Only the standard constraints' and Tenhal's own field constraints' messages
 * are named; a rule's sentence (a class-level check) already says what it is about.
 */
class FieldNamingInterpolator implements MessageInterpolator {

    private final MessageInterpolator delegate;
    private final MessageSource messages;

    FieldNamingInterpolator(MessageInterpolator delegate, MessageSource messages) {
        this.delegate = delegate;
        this.messages = messages;
    }

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, LocaleContextHolder.getLocale());
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        String message = delegate.interpolate(template, context, locale);
        if (!named(template) || !(context instanceof HibernateMessageInterpolatorContext hibernate)) {
            return message;
        }
        String property = leaf(hibernate.getPropertyPath());
        if (property == null) {
            return message;
        }
        String label = messages.getMessage("field." + property, null, words(property), locale);
        return messages.getMessage("validation.named", new Object[] {label, message}, label + " " + message, locale);
    }

    private static boolean named(String template) {
        return template.startsWith("{jakarta.validation.constraints.")
                || template.startsWith("{org.hibernate.validator.constraints.")
                || template.startsWith("{tenhal.validation.");
    }

    private static String leaf(Path path) {
        String name = null;
        if (path == null) {
            return null;
        }
        for (Path.Node node : path) {
            if (node.getName() != null
                    && !node.getName().startsWith("<")
                    && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.CONSTRUCTOR) {
                name = node.getName();
            }
        }
        return name;
    }

    /** "birthDate" → "Birth date", "patientId" → "Patient": a property's own words when it has no label. */
    static String words(String property) {
        String bare = property.endsWith("Id") && property.length() > 2
                ? property.substring(0, property.length() - 2)
                : property;
        String spaced = bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? property : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
