package sa.tenhal.platform.web;

import com.ibm.icu.text.MessageFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Counts in words through ICU message formats, so that Arabic gets its plural forms ("دقيقة واحدة", "دقيقتان",
 * "8 دقائق", "11 دقيقة") instead of a fixed word after the digits. Pages call it as
 * {@code ${@plurals.format('desk.waitingFor', n)}}; the message is an ICU pattern ({@code {0, plural, …}}), read
 * from the usual bundles without Spring's own formatting.
 */
@Component("plurals")
public class Plurals {

    private final MessageSource messages;

    public Plurals(MessageSource messages) {
        this.messages = messages;
    }

    public String format(String key, long count) {
        return format(key, count, LocaleContextHolder.getLocale());
    }

    public String format(String key, long count, Locale locale) {
        String pattern = messages.getMessage(key, null, key, locale);
        return new MessageFormat(pattern, locale).format(new Object[] {count});
    }

    /**
     * A message with several values, any of which may be a count ({@code "{0} of {1, plural, one {# session} other {#
     * sessions}}"}): the noun follows the count it belongs to.
     */
    public String formatAll(String key, Object... values) {
        Locale locale = LocaleContextHolder.getLocale();
        String pattern = messages.getMessage(key, null, key, locale);
        return new MessageFormat(pattern, locale).format(values);
    }
}
