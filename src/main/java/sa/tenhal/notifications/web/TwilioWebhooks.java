package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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
        callbacks.status(params.get("MessageSid"), params.get("MessageStatus"), params.get("ErrorCode"));
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

    private static Map<String, String> params(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        return params;
    }
}
