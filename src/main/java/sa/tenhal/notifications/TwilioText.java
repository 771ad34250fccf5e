package sa.tenhal.notifications;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * SMS and WhatsApp through Twilio's REST API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}) with Spring's
 * {@link RestClient} — not Twilio's SDK, which drags in an XML Jackson module and an old commons-io. 5xx, 429 and
 * timeouts are retried; other 4xx (a wrong number, a blocked recipient) are not.
 */
class TwilioText implements Transports.Text {

    private final RestClient client;
    private final NotificationProperties.Twilio twilio;
    private final String statusCallback;

    TwilioText(NotificationProperties.Twilio twilio, String baseUrl) {
        this.twilio = twilio;
        this.statusCallback = baseUrl + "/webhooks/twilio/status";
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(twilio.connectTimeout()).build());
        factory.setReadTimeout(twilio.readTimeout());
        this.client = RestClient.builder()
                .baseUrl(twilio.apiUrl())
                .requestFactory(factory)
                .defaultHeaders(h -> h.setBasicAuth(twilio.accountSid(), twilio.authToken()))
                .build();
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String send(UUID messageId, Channel channel, String to, String text) throws DeliveryFailure {
        boolean whatsapp = channel == Channel.WHATSAPP;
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", (whatsapp ? "whatsapp:" : "") + to);
        if (twilio.messagingServiceSid() != null
                && !twilio.messagingServiceSid().isBlank()
                && !whatsapp) {
            form.add("MessagingServiceSid", twilio.messagingServiceSid());
        } else {
            form.add("From", whatsapp ? "whatsapp:" + twilio.whatsappFrom() : twilio.smsFrom());
        }
        form.add("Body", text);
        form.add("StatusCallback", statusCallback);
        try {
            Map<?, ?> response = client.post()
                    .uri("/2010-04-01/Accounts/{sid}/Messages.json", twilio.accountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(Map.class);
            Object sid = response == null ? null : response.get("sid");
            if (sid == null) {
                throw DeliveryFailure.retryable("Twilio answered without a message sid", null);
            }
            return sid.toString();
        } catch (HttpClientErrorException e) {
            String detail = "Twilio " + e.getStatusCode().value() + ": " + e.getResponseBodyAsString();
            throw new DeliveryFailure(detail, e.getStatusCode().value() == 429, e);
        } catch (HttpServerErrorException e) {
            throw DeliveryFailure.retryable("Twilio " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw DeliveryFailure.retryable("Twilio unreachable or too slow: " + e.getMessage(), e);
        }
    }
}
