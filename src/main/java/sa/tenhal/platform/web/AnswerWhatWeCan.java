package sa.tenhal.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * The media types a request accepts, as its {@code Accept} header says, always followed by {@code *}{@code /*} at the
 * lowest preference: when none of them is one the answer can take, it comes in the type the endpoint produces
 * (JSON, a PDF, a page) instead of a 406. Spring MVC negotiates only when it writes the answer — after the handler
 * ran — so a 406 came after the booking, refund or cancellation had been committed: the client was told "refused"
 * of a change that stood. RFC 9110 lets a server disregard {@code Accept}; Tenhal does, rather than lie. An
 * unreadable {@code Accept} header counts as accepting anything, for the same reason.
 */
class AnswerWhatWeCan implements ContentNegotiationStrategy {

    private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
        List<MediaType> accepted;
        try {
            accepted = header.resolveMediaTypes(request);
        } catch (HttpMediaTypeNotAcceptableException | RuntimeException unreadable) {
            return MEDIA_TYPE_ALL_LIST;
        }
        if (accepted.contains(MediaType.ALL)) {
            return accepted;
        }
        List<MediaType> withFallback = new ArrayList<>(accepted);
        withFallback.add(MediaType.parseMediaType("*/*;q=0.001"));
        return withFallback;
    }
}
