package sa.tenhal.shared;

import java.util.Locale;

/** The two languages Tenhal speaks to people in. Arabic is written right to left. */
public enum Language {
    AR,
    EN;

    /**
     * Arabic with Western digits ({@code ar-u-nu-latn}): dates, times, phone and ID numbers read the same on a page,
     * a message and the card in the patient's hand, as Saudi systems write them.
     */
    private static final Locale ARABIC = Locale.forLanguageTag("ar-u-nu-latn");

    public Locale locale() {
        return this == AR ? ARABIC : Locale.ENGLISH;
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Language of(Locale locale) {
        return locale != null && "ar".equals(locale.getLanguage()) ? AR : EN;
    }
}
