package sa.tenhal.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static files, under the paths that hold them only: {@code /css/**}, {@code /js/**}, {@code /favicon.ico} and the
 * WebJars ({@code /webjars/chart.js/dist/chart.umd.js}, no version in the URL). Spring Boot's default maps
 * {@code /**} to the static folders ({@code spring.web.resources.add-mappings}, off in application.yml): then every
 * link a page renders ({@code /visits/…}, {@code /patients/…}) was first looked for as a file in four class-path
 * folders — a search through every jar, not cached when nothing is found — which cost 40% of the CPU of a patient's
 * profile page (a flight recording of {@code ClinicalRecordBenchmark}, bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true);
        registry.addResourceHandler("/*.ico")
                .addResourceLocations("classpath:/static/")
                .resourceChain(true);
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
