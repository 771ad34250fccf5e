package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The QR's TLV encoding against ZATCA's own SDK sample (R3.4, "Simplified Tax Invoice with Zero Rated Item"). */
class ZatcaQrTests {

    /** The sample's QR (tags 1–9); tags 1–5 are what finance writes, 6–9 come with signing. */
    static final String SDK_SAMPLE =
            "AW/YtNix2YPYqSDYqtmI2LHZitivINin2YTYqtmD2YbZiNmE2YjYrNmK2Kcg2KjYo9mC2LXZiSDYs9ix2LnYqSDYp9mE2YXYrdiv2YjYr9ipIHwgTWF4aW11bSBTcGVlZCBUZWNoIFN1cHBseSBMVEQCDzM5OTk5OTk5OTkwMDAwMwMTMjAyMi0wOS0wN1QxMjoyMToyOAQFNzUuMDAFBDMuMjYGLG1FQXQzempaa1dGTXlicUFkMTMvZnpEOXRyalRIN0lOLzdmd0NhWTZ4MXc9B2BNRVlDSVFDTnVMQ3pYWWNkQzVIbHQ1RGRhWDkzSkcvZEpxYVkvUWNqbkNpQWFPTGpRZ0loQUxsQi81MUpTcDJUeXRzcjdheWtDSlBJU1hLYW5CZUQyRU4yanR2K2pJbFEIWDBWMBAGByqGSM49AgEGBSuBBAAKA0IABKFgimtEmvRSBK0zr9LgJAtVSCl8VPZz6cdr5X+MoTHo8vHNNlyW5Q6u7T8naPJqtGoTjJjaPIMJ4u17dSk/VHgJRzBFAiEAsT+JyGadZcJQpRtxrfJyLyirBou8V0dWNCu94j26oBsCID2ELgzyOAwEAM9LOZ3a6I8kDqApHcsTTdTvl6psL+tc";

    @Test
    void readsTheFiveFieldsOfTheSdkSampleAndWritesThemByteForByte() {
        ZatcaQr qr = ZatcaQr.decode(SDK_SAMPLE);
        assertThat(qr.sellerName()).endsWith("| Maximum Speed Tech Supply LTD");
        assertThat(qr.vatNumber()).isEqualTo("399999999900003");
        assertThat(qr.timestamp()).isEqualTo("2022-09-07T12:21:28");
        assertThat(qr.total()).isEqualTo("75.00");
        assertThat(qr.vatTotal()).isEqualTo("3.26");

        byte[] ours = Base64.getDecoder().decode(qr.base64());
        byte[] theirs = Base64.getDecoder().decode(SDK_SAMPLE);
        assertThat(ours).isEqualTo(Arrays.copyOf(theirs, ours.length));
    }

    @Test
    void lengthsCountUtf8BytesNotCharacters() {
        String base64 = new ZatcaQr("مركز", "310122393500003", "2026-11-21T10:00:00", "402.50", "52.50").base64();
        byte[] bytes = Base64.getDecoder().decode(base64);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(bytes[1]).isEqualTo((byte) 8); // four Arabic letters, two bytes each
        assertThat(ZatcaQr.decode(base64).sellerName()).isEqualTo("مركز");
    }
}
