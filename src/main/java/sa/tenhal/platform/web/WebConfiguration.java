package sa.tenhal.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import sa.tenhal.shared.Language;

/**
 * The Arabic/English locale that pages follow ({@code ?lang=ar|en}, remembered). Paging and its stable page JSON come
 * from Spring Boot's auto-configuration ({@code spring.data.web.pageable.*} in application.yml): declaring
 * {@code @EnableSpringDataWebSupport} here would replace it and, with it, the cap on the page size.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Language.AR.locale(), Locale.ENGLISH);

    private final PageModel pageModel;

    WebConfiguration(PageModel pageModel) {
        this.pageModel = pageModel;
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
        registry.addInterceptor(interceptor);
        registry.addInterceptor(pageModel);
    }
}
