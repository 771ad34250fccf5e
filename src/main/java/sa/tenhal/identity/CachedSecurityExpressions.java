package sa.tenhal.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;

/**
 * Parses each security expression once. The pages' {@code sec:authorize="hasAnyRole(…)"} (Thymeleaf's Spring Security
 * dialect) asks the web expression handler to parse its expression on every evaluation, and a freshly parsed
 * expression then looks its methods up by reflection again: on a profile page's 19 checks that was the largest
 * allocation after the data itself (bench/RESULTS.md, 2026-12-05 evening). A parsed SpEL expression may be evaluated
 * by many threads at once, so one per text is kept. The texts come from templates and code, never from a request; the
 * cache stops growing at {@link #LIMIT} all the same.
 */
final class CachedSecurityExpressions implements BeanPostProcessor {

    static final int LIMIT = 1_000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractSecurityExpressionHandler<?> handler
                && !(handler.getExpressionParser() instanceof Parser)) {
            handler.setExpressionParser(new Parser(handler.getExpressionParser()));
        }
        return bean;
    }

    /** The handler's own parser, remembering what it parsed. */
    static final class Parser implements ExpressionParser {

        private final ExpressionParser parser;
        private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

        Parser(ExpressionParser parser) {
            this.parser = parser;
        }

        @Override
        public Expression parseExpression(String text) throws ParseException {
            Expression expression = parsed.get(text);
            if (expression == null) {
                expression = parser.parseExpression(text);
                if (parsed.size() < LIMIT) {
                    parsed.putIfAbsent(text, expression);
                }
            }
            return expression;
        }

        @Override
        public Expression parseExpression(String text, ParserContext context) throws ParseException {
            return parser.parseExpression(text, context);
        }
    }
}
