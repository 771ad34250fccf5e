package sa.tenhal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import sa.tenhal.platform.ClinicTime;

/**
 * What every page's layout needs: the current path (to mark the navigation), this page in the other language, and
 * the clinic's time zone (pages show every instant as the clinic's wall-clock time). Added when a page is about to be
 * rendered, so that API answers and redirects, which render no page, do not work these out.
 */
@Component
class PageModel implements HandlerInterceptor {

    private final ClinicTime time;

    PageModel(ClinicTime time) {
        this.time = time;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || rendersNoPage(page.getViewName())) {
            return;
        }
        page.addObject("zone", time.zone());
        page.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("currentUrl", currentUrl(request));
        page.addObject("otherLanguageUrl", otherLanguageUrl(request));
    }

    private static boolean rendersNoPage(String viewName) {
        return viewName != null && (viewName.startsWith("redirect:") || viewName.startsWith("forward:"));
    }

    /**
     * This page with its query (the day viewed, the filters), for a page's actions to come back to: after checking in
     * a patient on Tuesday's desk, the desk shows Tuesday again. Relative, like {@link #otherLanguageUrl}.
     */
    private static String currentUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI()
                                .substring(request.getContextPath().length())
                        + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang")
                .build()
                .toUriString();
    }

    /**
     * This page in the other language, as a path and query: relative, because an absolute link would be built from
     * the request's {@code Host} header, which the client chooses (a page cached with a link to another host).
     */
    private static String otherLanguageUrl(HttpServletRequest request) {
        Locale current = LocaleContextHolder.getLocale();
        String other = "ar".equals(current.getLanguage()) ? "en" : "ar";
        String query = request.getQueryString();
        return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang", other)
                .build()
                .toUriString();
    }
}
