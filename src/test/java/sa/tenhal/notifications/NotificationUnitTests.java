package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationUnitTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Test
    void arabicSmsSegmentsAre70CharactersAndLatinOnes160() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("ب".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("ب".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("ب".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("ب".repeat(135))).isEqualTo(3);
        // One Arabic letter makes the whole text UCS-2.
        assertThat(SmsSegments.count("a".repeat(69) + "ب")).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(70) + "ب")).isEqualTo(2);
        // GSM extension characters take two places.
        assertThat(SmsSegments.count("{".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("{".repeat(81))).isEqualTo(2);
    }

    @Test
    void nonUrgentTextsWaitOutTheNightButEmailDoesNot() {
        Instant elevenPmRiyadh = Instant.parse("2026-11-21T20:00:00Z");
        Instant eightAmNextDay = Instant.parse("2026-11-22T05:00:00Z");
        LocalTime start = LocalTime.of(22, 0);
        LocalTime end = LocalTime.of(8, 0);
        assertThat(QuietHours.sendAfter(elevenPmRiyadh, RIYADH, Channel.SMS, false, start, end))
                .isEqualTo(eightAmNextDay);
        assertThat(QuietHours.sendAfter(elevenPmRiyadh, RIYADH, Channel.WHATSAPP, false, start, end))
                .isEqualTo(eightAmNextDay);
        assertThat(QuietHours.sendAfter(elevenPmRiyadh, RIYADH, Channel.EMAIL, false, start, end))
                .isEqualTo(elevenPmRiyadh);
        assertThat(QuietHours.sendAfter(elevenPmRiyadh, RIYADH, Channel.SMS, true, start, end))
                .isEqualTo(elevenPmRiyadh);
        Instant sixAm = Instant.parse("2026-11-22T03:00:00Z");
        assertThat(QuietHours.sendAfter(sixAm, RIYADH, Channel.SMS, false, start, end))
                .isEqualTo(eightAmNextDay);
        Instant noon = Instant.parse("2026-11-22T09:00:00Z");
        assertThat(QuietHours.sendAfter(noon, RIYADH, Channel.SMS, false, start, end))
                .isEqualTo(noon);
        // Quiet hours within one day (13:00-15:00)
        assertThat(QuietHours.sendAfter(
                        Instant.parse("2026-11-22T10:30:00Z"),
                        RIYADH,
                        Channel.SMS,
                        false,
                        LocalTime.of(13, 0),
                        LocalTime.of(15, 0)))
                .isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
    }

    @Test
    void thePlainTextPartKeepsTheLinks() {
        String text = HtmlToText.convert("""
                <html><head><title>x</title></head><body><h1>Welcome</h1><p>Hello <b>Lina</b>,</p>
                <p><a href="https://tenhal.test/set-password/abc">https://tenhal.test/set-password/abc</a></p>
                <p>Then <a href="https://tenhal.test/login">sign in</a> &amp; enjoy.</p></body></html>""");
        assertThat(text).isEqualTo("""
                Welcome

                Hello Lina,

                https://tenhal.test/set-password/abc

                Then sign in (https://tenhal.test/login) & enjoy.""");
    }

    @Test
    void templatesRenderInTheRecipientsLanguage() {
        Templates templates = new Templates("https://tenhal.test");
        var arabic = templates.render(
                "staff-welcome",
                Channel.EMAIL,
                sa.tenhal.shared.Language.AR,
                Map.of(
                        "name",
                        "لينا",
                        "username",
                        "lina",
                        "link",
                        "https://tenhal.test/set-password/x",
                        "needsPassword",
                        true));
        assertThat(arabic.subject()).isEqualTo("مرحباً بك في تنهال، لينا");
        assertThat(arabic.html()).contains("dir=\"rtl\"", "https://tenhal.test/set-password/x");
        assertThat(arabic.text()).contains("لينا", "https://tenhal.test/login");
        var english = templates.render(
                "consent-recorded",
                Channel.IN_APP,
                sa.tenhal.shared.Language.EN,
                Map.of("kind", "treatment", "patientName", "Sara Al-Harbi", "mrn", "1000001"));
        assertThat(english.subject()).isEqualTo("Consent recorded: treatment");
        assertThat(english.text()).isEqualTo("A treatment consent was recorded for Sara Al-Harbi (record 1000001).");
    }

    @Test
    void aTwilioSignatureIsTheHmacOfUrlAndSortedParameters() {
        // Twilio's documented example: auth token 12345, these parameters, this URL.
        String signature = TwilioSignature.sign(
                "12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2",
                Map.of(
                        "CallSid", "CA1234567890ABCDE",
                        "Caller", "+12349013030",
                        "Digits", "1234",
                        "From", "+12349013030",
                        "To", "+18005551212"));
        assertThat(signature).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid(
                        "12345",
                        "https://mycompany.com/myapp.php?foo=1&bar=2",
                        Map.of(
                                "CallSid",
                                "CA1234567890ABCDE",
                                "Caller",
                                "+12349013030",
                                "Digits",
                                "1234",
                                "From",
                                "+12349013030",
                                "To",
                                "+18005551212"),
                        signature))
                .isTrue();
        assertThat(TwilioSignature.valid(
                        "12345", "https://mycompany.com/myapp.php?foo=1&bar=2", Map.of("To", "+1"), signature))
                .isFalse();
    }
}
