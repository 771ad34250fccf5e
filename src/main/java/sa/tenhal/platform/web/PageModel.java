package sa.tenhal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import sa.tenhal.platform.ClinicTime;

/**
 * What every page's layout needs: the current path (to mark the navigation), this page in the other language, and
 * the clinic's time zone.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final ClinicTime time;

    PageModel(ClinicTime time) {
        this.time = time;
    }

    /** The clinic's time zone: pages show every instant as the clinic's wall-clock time. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return time.zone();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request) {
        Locale current = LocaleContextHolder.getLocale();
        String other = "ar".equals(current.getLanguage()) ? "en" : "ar";
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("lang", other)
                .build()
                .toUriString();
    }
}
