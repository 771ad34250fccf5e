package sa.tenhal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import sa.tenhal.platform.ControlCharacters;
import sa.tenhal.platform.MalformedRequestException;

/**
 * Refuses a path variable that holds a refused character ({@link ControlCharacters}) with a 400 naming the variable,
 * before the handler runs. The container already refuses an encoded NUL or {@code /} in a path; {@code %01} and
 * {@code %7F} it decodes and passes on, and a text variable (a centre code, a job's name, a token) would carry them to
 * the database and back into the answer.
 */
class PathVariableGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value) {
                    String reason = ControlCharacters.reason(value);
                    if (reason != null) {
                        throw new MalformedRequestException(String.valueOf(variable.getKey()), reason);
                    }
                }
            }
        }
        return true;
    }
}
