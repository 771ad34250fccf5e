package sa.tenhal.notifications;

/**
 * How many SMS parts a text takes. Texts in the GSM 7-bit alphabet fit 160 characters (153 per part when split);
 * anything else — Arabic among it — is sent as UCS-2: 70 characters (67 per part).
 */
final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {}

    static int count(String text) {
        int gsmLength = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                gsmLength++;
            } else if (GSM_EXTENDED.indexOf(c) >= 0) {
                gsmLength += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            return gsmLength <= 160 ? 1 : (gsmLength + 152) / 153;
        }
        int units = text.codePoints().map(cp -> Character.charCount(cp)).sum();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }
}
