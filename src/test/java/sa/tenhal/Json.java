package sa.tenhal;

import tools.jackson.databind.json.JsonMapper;

/** JSON for request bodies in tests. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String of(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
