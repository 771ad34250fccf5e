package sa.tenhal.platform.web;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.tenhal.platform.ControlCharacters;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every JSON document Tenhal reads must be, so that a body the database cannot hold is a 400 naming the field
 * rather than a statement PostgreSQL fails (500) or a value stored half-right:
 *
 * <ul>
 *   <li>strings refuse the characters {@link ControlCharacters} names, wherever they sit (a field, a list, a nested
 *       record): {@code "notes": "a\u0000b"} is a 400 naming {@code notes};
 *   <li>dates and instants lie in the years 0001–9999 ({@link TimeBounds});
 *   <li>a list holds no {@code null}: {@code "items": [null]} is a 400 naming {@code items[0]}, not a
 *       {@code NullPointerException} in whatever walks the list.
 * </ul>
 *
 * Spring Boot adds every {@link JacksonModule} bean and {@link JsonMapperBuilderCustomizer} to the application's
 * {@code JsonMapper}; what Tenhal itself serialises (job data, events) meets the same rules, since everything it stores
 * came through them or through the parameter guard.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

    @Bean
    JacksonModule refuseControlCharacters() {
        return new SimpleModule("tenhal-json-text")
                .addDeserializer(String.class, new Strict())
                .setDeserializerModifier(TimeBounds.json());
    }

    @Bean
    JsonMapperBuilderCustomizer refuseNullsInLists() {
        return builder -> builder.changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL));
    }

    /** Jackson's own string deserializer (coercions and all), then the check. */
    static final class Strict extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            String reason = ControlCharacters.reason(value);
            if (reason != null) {
                throw new RefusedCharacter(p, reason);
            }
            return value;
        }
    }

    /** Carries only the reason: the value may be long, or a patient's data, and is not echoed back. */
    static final class RefusedCharacter extends InvalidFormatException {

        RefusedCharacter(JsonParser p, String reason) {
            super(p, reason, null, String.class);
        }

        String reason() {
            return getOriginalMessage();
        }
    }
}
