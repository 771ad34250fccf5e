package sa.tenhal.platform.web;

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
 * Every JSON string Tenhal reads refuses the characters that {@link ControlCharacters} names, wherever the string sits
 * (a field, a list, a nested record), so that a request body with {@code "notes": "a\u0000b"} is a 400 naming
 * {@code notes} — not a statement PostgreSQL fails (500) or an invisible character stored. Spring Boot adds every
 * {@link JacksonModule} bean to the application's {@code JsonMapper}; what Tenhal itself serialises (job data,
 * events) never holds such characters, since everything it stores came through this or the parameter guard.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

    @Bean
    JacksonModule refuseControlCharacters() {
        return new SimpleModule("tenhal-json-text").addDeserializer(String.class, new Strict());
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
