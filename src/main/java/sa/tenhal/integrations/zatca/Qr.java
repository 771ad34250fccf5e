package sa.tenhal.integrations.zatca;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phase-2 QR code (SEC-STD §4.1, as ZATCA's SDK writes it): TLV records of one tag byte, one length byte and the
 * value, base64 of the whole. Tags 1–5 text (seller, VAT number, {@code IssueDate + "T" + IssueTime}, payable amount,
 * VAT total), 6 the invoice hash and 7 the signature as their base64 text, 8 the public key (DER SubjectPublicKeyInfo)
 * and 9, on simplified documents only, the certificate's own signature, both as raw bytes.
 */
public final class Qr {

    private Qr() {}

    public static String encode(Map<Integer, byte[]> tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        tags.forEach((tag, value) -> {
            if (value.length > 255) {
                throw new IllegalArgumentException("QR tag " + tag + " is longer than 255 bytes");
            }
            out.write(tag);
            out.write(value.length);
            out.writeBytes(value);
        });
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    public static Map<Integer, byte[]> decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new Ubl.NotUbl("the QR code is not base64: " + e.getMessage());
        }
        Map<Integer, byte[]> tags = new LinkedHashMap<>();
        int i = 0;
        while (i < bytes.length) {
            if (i + 2 > bytes.length) {
                throw new Ubl.NotUbl("the QR code ends inside a tag header at byte " + i);
            }
            int tag = bytes[i] & 0xff;
            int length = bytes[i + 1] & 0xff;
            if (i + 2 + length > bytes.length) {
                throw new Ubl.NotUbl("QR tag " + tag + " claims " + length + " bytes past the end");
            }
            byte[] value = new byte[length];
            System.arraycopy(bytes, i + 2, value, 0, length);
            tags.put(tag, value);
            i += 2 + length;
        }
        return tags;
    }

    static byte[] text(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
