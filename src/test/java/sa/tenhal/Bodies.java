package sa.tenhal;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Reading response bodies in tests (UTF-8: Arabic names must survive). */
public final class Bodies {

    private Bodies() {}

    public static String text(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(MvcTestResult result, String path) {
        return JsonPath.read(text(result), path);
    }
}
