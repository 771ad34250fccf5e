package sa.tenhal.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.SortHandlerMethodArgumentResolver;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import sa.tenhal.platform.MalformedRequestException;

/**
 * Spring Data's {@code Pageable} and {@code Sort} arguments, with the {@code sort} values taken as sent and a page
 * number whose offset overflows refused (400). Spring Data
 * percent-decodes each {@code sort} value once more after the container has decoded it, so a {@code %} in it either
 * threw ({@code sort=%25} was a 500) or turned into another character; here every {@code %} reaches it escaped, its
 * second decoding gives back what the client sent, and {@link sa.tenhal.platform.Paging} refuses a property the list
 * does not offer with a 400 that names the ones it does.
 */
class SortParameters implements HandlerMethodArgumentResolver {

    private final ObjectProvider<PageableHandlerMethodArgumentResolver> pageables;
    private final ObjectProvider<SortHandlerMethodArgumentResolver> sorts;

    SortParameters(
            ObjectProvider<PageableHandlerMethodArgumentResolver> pageables,
            ObjectProvider<SortHandlerMethodArgumentResolver> sorts) {
        this.pageables = pageables;
        this.sorts = sorts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Pageable.class.equals(parameter.getParameterType()) || Sort.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        NativeWebRequest escaped = escaped(webRequest);
        if (!Pageable.class.equals(parameter.getParameterType())) {
            return sorts.getObject().resolveArgument(parameter, container, escaped, binderFactory);
        }
        Pageable page = pageables.getObject().resolveArgument(parameter, container, escaped, binderFactory);
        if (page.isPaged() && (long) page.getPageNumber() * page.getPageSize() > Integer.MAX_VALUE) {
            // no list is that long; the offset would not fit the queries' int
            throw new MalformedRequestException("page", "at most " + Integer.MAX_VALUE / page.getPageSize());
        }
        return page;
    }

    private static NativeWebRequest escaped(NativeWebRequest webRequest) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (request == null || request.getParameterValues("sort") == null) {
            return webRequest;
        }
        return new ServletWebRequest(new HttpServletRequestWrapper(request) {
            @Override
            public String[] getParameterValues(String name) {
                String[] values = super.getParameterValues(name);
                return "sort".equals(name) && values != null
                        ? Arrays.stream(values).map(v -> v.replace("%", "%25")).toArray(String[]::new)
                        : values;
            }
        });
    }
}
