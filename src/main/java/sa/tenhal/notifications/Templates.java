package sa.tenhal.notifications;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sa.tenhal.shared.Language;

/**
 * The message templates, one set per kind and language, under {@code src/main/resources/notifications/<kind>/}:
 * {@code <lang>.subject.txt} and {@code <lang>.email.html} for email (the plain-text part is made from the HTML),
 * {@code <lang>.sms.txt} for SMS and WhatsApp, {@code <lang>.inapp.txt} for the staff inbox (first line: the title).
 * Thymeleaf, in HTML mode for email and text mode for the rest.
 */
@Component
class Templates {

    record Rendered(String subject, String html, String text) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final String baseUrl;

    Templates(@Value("${tenhal.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("notifications/");
        resolver.setTemplateMode(mode);
        resolver.getResolvablePatternSpec().addPattern(pattern);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    Rendered render(String kind, Channel channel, Language language, Map<String, Object> model) {
        Context context = new Context(language.locale());
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("lang", language.name().toLowerCase());
        variables.put("rtl", language.rightToLeft());
        variables.put("baseUrl", baseUrl);
        variables.put("plural", new Counts(language));
        context.setVariables(variables);
        String lang = language.name().toLowerCase();
        return switch (channel) {
            case EMAIL -> {
                String html = engine.process(kind + "/" + lang + ".email.html", context);
                String subject = engine.process(kind + "/" + lang + ".subject.txt", context)
                        .strip();
                yield new Rendered(subject, html, HtmlToText.convert(html));
            }
            case SMS, WHATSAPP ->
                new Rendered(
                        null,
                        null,
                        engine.process(kind + "/" + lang + ".sms.txt", context).strip());
            case IN_APP -> {
                String text = engine.process(kind + "/" + lang + ".inapp.txt", context)
                        .strip();
                int newline = text.indexOf('\n');
                yield newline < 0
                        ? new Rendered(text, null, "")
                        : new Rendered(
                                text.substring(0, newline).strip(),
                                null,
                                text.substring(newline + 1).strip());
            }
        };
    }

    String baseUrl() {
        return baseUrl;
    }
}
