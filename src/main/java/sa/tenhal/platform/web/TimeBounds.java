package sa.tenhal.platform.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.format.datetime.standard.TemporalAccessorParser;
import org.springframework.format.datetime.standard.TemporalAccessorPrinter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Dates and instants that Tenhal accepts lie in the years 0001 to 9999, wherever they come from: query and form
 * parameters (plain or {@code @DateTimeFormat}) and JSON bodies. Java reads {@code +1000000000-01-01T00:00:00Z}
 * happily; PostgreSQL cannot store or compare it, and the statement failed (500) instead of the request (400 naming
 * the field). No date a clinic deals in lies outside these years; the rules of each field (a birth date in the past, a
 * booking ahead) narrow them further.
 */
final class TimeBounds {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private static final Set<Class<?>> BOUNDED =
            Set.of(Instant.class, LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    // parsed once: every Instant of every request is checked against them
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private TimeBounds() {}

    /** Null when {@code value} lies in the accepted years, else why not. */
    static String refusal(Object value) {
        int year;
        if (value instanceof Instant instant) {
            if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(AFTER_LAST_INSTANT)) {
                return outside();
            }
            return null;
        } else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
            year = temporal.get(ChronoField.YEAR);
        } else {
            return null;
        }
        return year < FIRST_YEAR || year > LAST_YEAR ? outside() : null;
    }

    private static String outside() {
        return "must lie in the years " + String.format("%04d", FIRST_YEAR) + " to " + LAST_YEAR;
    }

    /** Parameters: the ISO formats Spring Boot uses ({@code spring.mvc.format.*: iso}) and {@code @DateTimeFormat}. */
    static void register(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, bounded(new InstantFormatter()));
        registry.addFormatterForFieldType(LocalDate.class, bounded(LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE));
        registry.addFormatterForFieldType(
                LocalDateTime.class, bounded(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        registry.addFormatterForFieldType(
                OffsetDateTime.class, bounded(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        registry.addFormatterForFieldAnnotation(new Jsr310DateTimeFormatAnnotationFormatterFactory() {
            @Override
            public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
                Parser<?> parser = super.getParser(annotation, fieldType);
                return (text, locale) -> checked(parser.parse(text, locale));
            }
        });
    }

    private static <T> Formatter<T> bounded(Formatter<T> formatter) {
        return new Formatter<>() {
            @Override
            public T parse(String text, Locale locale) throws ParseException {
                return checked(formatter.parse(text, locale));
            }

            @Override
            public String print(T value, Locale locale) {
                return formatter.print(value, locale);
            }
        };
    }

    private static <T extends TemporalAccessor> Formatter<T> bounded(Class<T> type, DateTimeFormatter format) {
        Printer<TemporalAccessor> printer = new TemporalAccessorPrinter(format);
        TemporalAccessorParser parser = new TemporalAccessorParser(type, format);
        return new Formatter<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T parse(String text, Locale locale) throws ParseException {
                return (T) checked(parser.parse(text, locale));
            }

            @Override
            public String print(T value, Locale locale) {
                return printer.print(value, locale);
            }
        };
    }

    private static <T> T checked(T value) {
        String refusal = refusal(value);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        return value;
    }

    /** JSON bodies: Jackson's own readers of these types, then the check, failing with the field's path. */
    static ValueDeserializerModifier json() {
        return new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription.Supplier description, ValueDeserializer<?> reader) {
                return BOUNDED.contains(description.getBeanClass()) ? new Checked(reader) : reader;
            }
        };
    }

    static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Object value = super.deserialize(p, ctxt);
            String refusal = refusal(value);
            if (refusal != null) {
                throw new InvalidFormatException(p, refusal, null, handledType());
            }
            return value;
        }
    }
}
