package sa.tenhal.patients;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Makes names comparable the way receptionists expect: case, Latin accents, Arabic diacritics (tashkeel), tatweel and
 * the spelling variants of alef with hamza, alef maqsura, taa marbuta and hamza on waw/yaa do not matter. "أحمد",
 * "احمد" and "أَحْمَد" are one name; so are "José" and "jose".
 */
final class NameNormalizer {

    private NameNormalizer() {}

    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isArabicMark(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char folded = foldArabic(c);
            if (Character.isLetterOrDigit(folded)) {
                out.append(Character.toLowerCase(folded));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        return out.toString().strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The searchable text of a name: its normalized words, plus Arabic words without the article "ال" (so that "حربي"
     * finds "الحربي") and Latin words without "al-" joined forms ("alharbi" and "harbi").
     */
    static String searchText(String... names) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : names) {
            for (String word : normalize(name).split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                words.add(word);
                if (word.startsWith("ال") && word.length() > 3) {
                    words.add(word.substring(2));
                }
                if (word.startsWith("al") && word.length() > 4 && isLatin(word)) {
                    words.add(word.substring(2));
                }
            }
        }
        return String.join(" ", words);
    }

    private static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static char foldArabic(char c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627'; // آ أ إ ٱ -> ا
            case '\u0649' -> '\u064A'; // ى -> ي
            case '\u0629' -> '\u0647'; // ة -> ه
            case '\u0624' -> '\u0648'; // ؤ -> و
            case '\u0626' -> '\u064A'; // ئ -> ي
            default -> c;
        };
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(ch -> ch < 0x0250);
    }
}
