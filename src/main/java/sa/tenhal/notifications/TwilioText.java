package sa.tenhal.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * SMS and WhatsApp through Twilio's REST API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}) with Spring's
 * {@link RestClient} — not Twilio's SDK, which drags in an XML Jackson module and an old commons-io. 5xx, 429 and
 * timeouts are retried; other 4xx (a wrong number, a blocked recipient) are not.
 *
 * <p>Twilio can say whether it has a message: its status callback URL carries Tenhal's message id (so every callback
 * names the message, see {@link TwilioCallbacks}), and before an attempt that follows an interrupted or unanswered one,
 * {@link #accepted} looks the message up in Twilio's Messages list (by To, From and date, matched on the text).
 */
class TwilioText implements Transports.Text {

    /** Pages of the Messages list read at most when looking a message up (100 messages each). */
    private static final int LOOKUP_PAGES = 20;

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

    /** Where Twilio reports on this message: the status webhook, naming Tenhal's message id. */
    String statusCallback(UUID messageId) {
        return statusCallback + "?" + TwilioCallbacks.MESSAGE_PARAMETER + "=" + messageId;
    }

    private static String to(Channel channel, String address) {
        return (channel == Channel.WHATSAPP ? "whatsapp:" : "") + address;
    }

    private boolean viaMessagingService(Channel channel) {
        return twilio.messagingServiceSid() != null
                && !twilio.messagingServiceSid().isBlank()
                && channel != Channel.WHATSAPP;
    }

    private String from(Channel channel) {
        return channel == Channel.WHATSAPP ? "whatsapp:" + twilio.whatsappFrom() : twilio.smsFrom();
    }

    @Override
    public boolean canTell() {
        return true;
    }

    /**
     * Looks the message up in Twilio's Messages list: outbound, to its number, from Tenhal's (unless a messaging
     * service picks the sender), sent since the day before it was created, with its text — each secret link matching
     * any link, since the links of the earlier attempt were minted then — and a sid that no other message of the log
     * has. The newest such message is the one.
     */
    @Override
    public Optional<Transports.Accepted> accepted(LoggedMessage message, Predicate<String> recorded)
            throws DeliveryFailure {
        Predicate<String> sameText = sameText(message);
        String to = to(message.channel(), message.address());
        String since = LocalDate.ofInstant(message.createdAt().minus(Duration.ofDays(1)), ZoneOffset.UTC)
                .toString();
        try {
            Map<?, ?> page = client.get()
                    .uri(uri -> {
                        // values as URI variables, so that they are encoded strictly ('+' would read as a space)
                        uri.path("/2010-04-01/Accounts/{sid}/Messages.json")
                                .queryParam("To", "{to}")
                                .queryParam("DateSent>", "{since}")
                                .queryParam("PageSize", 100);
                        if (viaMessagingService(message.channel())) {
                            return uri.build(twilio.accountSid(), to, since);
                        }
                        return uri.queryParam("From", "{from}")
                                .build(twilio.accountSid(), to, since, from(message.channel()));
                    })
                    .retrieve()
                    .body(Map.class);
            for (int pages = 1; page != null; pages++) {
                if (page.get("messages") instanceof List<?> messages) {
                    for (Object item : messages) {
                        if (item instanceof Map<?, ?> m
                                && String.valueOf(m.get("direction")).startsWith("outbound")
                                && to.equals(m.get("to"))
                                && m.get("sid") != null
                                && m.get("body") != null
                                && sameText.test(m.get("body").toString())
                                && !recorded.test(m.get("sid").toString())) {
                            return Optional.of(new Transports.Accepted(
                                    m.get("sid").toString(), m.get("body").toString()));
                        }
                    }
                }
                Object next = page.get("next_page_uri");
                if (next == null || next.toString().isBlank() || pages >= LOOKUP_PAGES) {
                    return Optional.empty();
                }
                page = client.get()
                        .uri(URI.create(twilio.apiUrl() + next))
                        .retrieve()
                        .body(Map.class);
            }
            return Optional.empty();
        } catch (RestClientResponseException e) {
            throw DeliveryFailure.retryable(
                    "could not ask Twilio whether it has the message, so it is not sent blind: Twilio "
                            + e.getStatusCode().value(),
                    e);
        } catch (RestClientException e) {
            throw DeliveryFailure.retryable(
                    "could not ask Twilio whether it has the message, so it is not sent blind: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a text in Twilio's list is this message: its text (each link any link), or for a template, whose text
     * Twilio renders, one that holds each of the template's values.
     */
    private static Predicate<String> sameText(LoggedMessage message) {
        WhatsappContent template = message.content();
        if (template == null) {
            Pattern sent = SecretLink.sentForm(message.body());
            return body -> sent.matcher(body).matches();
        }
        List<Pattern> values = template.variables().values().stream()
                .map(v -> Pattern.compile(SecretLink.sentForm(v).pattern(), Pattern.DOTALL))
                .toList();
        return body -> values.stream().allMatch(v -> v.matcher(body).find());
    }

    @Override
    public String send(UUID messageId, Channel channel, String to, String text, WhatsappContent template)
            throws DeliveryFailure {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("To", to(channel, to));
        if (viaMessagingService(channel)) {
            form.add("MessagingServiceSid", twilio.messagingServiceSid());
        } else {
            form.add("From", from(channel));
        }
        if (template != null && channel == Channel.WHATSAPP) {
            // a message the clinic starts: WhatsApp takes only an approved template outside a conversation window
            form.add("ContentSid", template.contentSid());
            form.add("ContentVariables", template.variablesJson());
        } else {
            form.add("Body", text);
        }
        form.add("StatusCallback", statusCallback(messageId));
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
