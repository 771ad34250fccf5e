package sa.tenhal.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Page texts: {@code messages} (the layout and what every page shares) plus one bundle per area under
 * {@code i18n/} ({@code i18n/patients.properties} with its {@code i18n/patients_ar.properties}), found on the class
 * path, so that a module brings its texts without editing a shared file. {@code MessagesTests} keeps every bundle
 * complete in both languages.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() throws IOException {
        List<String> basenames = new ArrayList<>(List.of("messages"));
        basenames.addAll(areaBundles());
        basenames.add("ValidationMessages");
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static List<String> areaBundles() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = resource.getFilename();
            if (file != null && !file.contains("_")) {
                names.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
            }
        }
        return List.copyOf(names);
    }
}
