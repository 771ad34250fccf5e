package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import sa.tenhal.notifications.TwilioCallbacks;

/**
 * Twilio calls these: status callbacks (delivered, failed) and inbound replies. Each must carry a valid
 * {@code X-Twilio-Signature}; anything else is refused with 403.
 */
@RestController
@RequestMapping("/webhooks/twilio")
@Hidden
class TwilioWebhooks {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioCallbacks callbacks;

    TwilioWebhooks(TwilioCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = params(request);
        if (!callbacks.authentic(request.getRequestURI(), request.getQueryString(), params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        callbacks.status(
                params.get("MessageSid"),
                params.get("MessageStatus"),
                params.get("ErrorCode"),
                queryParameter(request, TwilioCallbacks.MESSAGE_PARAMETER));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/inbound",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> inbound(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        Map<String, String> params = params(request);
        if (!callbacks.authentic(request.getRequestURI(), request.getQueryString(), params, signature)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (params.get("MessageSid") == null || params.get("From") == null) {
            return ResponseEntity.badRequest().build();
        }
        callbacks.inbound(params.get("MessageSid"), params.get("From"), params.get("Body"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /**
     * The POSTed parameters, which Twilio signs (the servlet's parameter map also holds the URL's query parameters,
     * which the signature covers as part of the URL instead).
     */
    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        Set<String> inUrl = UriComponentsBuilder.fromUriString("?" + nullToEmpty(request.getQueryString()))
                .build()
                .getQueryParams()
                .keySet();
        request.getParameterMap().forEach((name, values) -> {
            if (!inUrl.contains(name)) {
                params.put(name, values.length == 0 ? "" : values[0]);
            }
        });
        return params;
    }

    private static String queryParameter(HttpServletRequest request, String name) {
        return UriComponentsBuilder.fromUriString("?" + nullToEmpty(request.getQueryString()))
                .build()
                .getQueryParams()
                .getFirst(name);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
