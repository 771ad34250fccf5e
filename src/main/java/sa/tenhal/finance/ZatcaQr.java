package sa.tenhal.finance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The QR code of a ZATCA tax document, phase 1 fields (SEC-STD §4.1): TLV records — one tag byte, one length byte (the
 * value's UTF-8 byte count), the value — for 1 seller name, 2 seller VAT number, 3 time stamp, 4 total with VAT, 5 VAT
 * total; base64 of the whole. The integrations work appends the signed tags 6–9.
 */
public record ZatcaQr(String sellerName, String vatNumber, String timestamp, String total, String vatTotal) {

    public String base64() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] values = {sellerName, vatNumber, timestamp, total, vatTotal};
        for (int i = 0; i < values.length; i++) {
            byte[] value = (values[i] == null ? "" : values[i]).getBytes(StandardCharsets.UTF_8);
            if (value.length > 255) {
                throw new IllegalArgumentException("QR tag " + (i + 1) + " is longer than 255 bytes");
            }
            out.write(i + 1);
            out.write(value.length);
            out.writeBytes(value);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Reads the five values back from the base64 text (for tests and for checking a scanned code). */
    public static ZatcaQr decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        List<String> values = new ArrayList<>(List.of("", "", "", "", ""));
        int i = 0;
        while (i < bytes.length) {
            int tag = bytes[i] & 0xff;
            int length = bytes[i + 1] & 0xff;
            String value = new String(bytes, i + 2, length, StandardCharsets.UTF_8);
            if (tag >= 1 && tag <= 5) {
                values.set(tag - 1, value);
            }
            i += 2 + length;
        }
        return new ZatcaQr(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }
}
