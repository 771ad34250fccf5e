package sa.tenhal.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import sa.tenhal.shared.Language;

/**
 * The Arabic/English locale that pages follow ({@code ?lang=ar|en}, remembered), path variables checked for refused
 * characters, {@code sort} parameters read as sent, dates bounded ({@link TimeBounds}), and an {@code Accept} header
 * that never turns a request already carried out into a 406 ({@link AnswerWhatWeCan}). Paging and its stable page JSON
 * come from Spring Boot's auto-configuration ({@code spring.data.web.pageable.*} in application.yml): declaring
 * {@code @EnableSpringDataWebSupport} here would replace it and, with it, the cap on the page size.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Language.AR.locale(), Locale.ENGLISH);

    private final PageModel pageModel;
    private final ObjectProvider<PageableHandlerMethodArgumentResolver> pageables;
    private final ObjectProvider<SortHandlerMethodArgumentResolver> sorts;

    WebConfiguration(
            PageModel pageModel,
            ObjectProvider<PageableHandlerMethodArgumentResolver> pageables,
            ObjectProvider<SortHandlerMethodArgumentResolver> sorts) {
        this.pageModel = pageModel;
        this.pageables = pageables;
        this.sorts = sorts;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tenhal-lang") {
            @Override
            public void setLocale(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    Locale locale) {
                // Only Arabic and English exist; anything else falls back to English.
                boolean arabic = locale != null && "ar".equals(locale.getLanguage());
                super.setLocale(request, response, arabic ? SUPPORTED.get(0) : Locale.ENGLISH);
            }
        };
        resolver.setDefaultLocaleFunction(request -> {
            // a page with no choice made in this browser: the signed-in user's own setting, else what the browser
            // asks for; the API answers in the language the client asks for (Accept-Language), whoever's token it is
            var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                    && auth != null
                    && auth.getPrincipal() instanceof sa.tenhal.platform.Actor.User user
                    && user.preferredLocale() != null) {
                return "ar".equals(user.preferredLocale().getLanguage()) ? SUPPORTED.get(0) : Locale.ENGLISH;
            }
            Locale requested = request.getLocale();
            return requested != null && "ar".equals(requested.getLanguage()) ? SUPPORTED.get(0) : Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new PathVariableGuard());
        registry.addInterceptor(interceptor);
        registry.addInterceptor(pageModel);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        TimeBounds.register(registry);
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new AnswerWhatWeCan()));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        // first, ahead of Spring Data's own resolvers for the same types
        resolvers.add(0, new SortParameters(pageables, sorts));
    }
}
