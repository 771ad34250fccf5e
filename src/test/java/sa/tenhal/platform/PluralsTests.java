package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import sa.tenhal.platform.web.Plurals;

/** Counts in Arabic take their plural forms through ICU, not a fixed word after the digits. */
class PluralsTests {

    final Plurals plurals = new Plurals(bundles());

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(
                "i18n/desk", "i18n/patients", "i18n/admin", "i18n/catalogue", "i18n/finance", "i18n/visits");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void arabicCountsTakeTheirPluralForms() {
        Locale ar = Locale.forLanguageTag("ar");
        assertThat(plurals.format("patients.age", 8, ar)).isEqualTo("8 سنوات");
        assertThat(plurals.format("patients.age", 1, ar)).isEqualTo("سنة واحدة");
        assertThat(plurals.format("patients.age", 2, ar)).isEqualTo("سنتان");
        assertThat(plurals.format("patients.age", 15, ar)).isEqualTo("15 سنة");
        assertThat(plurals.format("desk.waitingFor", 10, ar)).isEqualTo("ينتظر منذ 10 دقائق");
        assertThat(plurals.format("desk.waitingFor", 2, ar)).isEqualTo("ينتظر منذ دقيقتين");
        assertThat(plurals.format("desk.waitingFor", 11, ar)).isEqualTo("ينتظر منذ 11 دقيقة");
    }

    @Test
    void englishCountsToo() {
        assertThat(plurals.format("patients.age", 1, Locale.ENGLISH)).isEqualTo("1 year");
        assertThat(plurals.format("patients.age", 8, Locale.ENGLISH)).isEqualTo("8 years");
        assertThat(plurals.format("desk.waitingFor", 1, Locale.ENGLISH)).isEqualTo("waiting 1 minute");
    }

    @Test
    void theRemainingCountsOfStaffPagesTakeTheirFormsToo() {
        Locale ar = Locale.forLanguageTag("ar");
        assertThat(plurals.format("admin.audit.listed", 3, ar)).isEqualTo("قائمة بـ 3 مرضى");
        assertThat(plurals.format("admin.audit.listed", 12, ar)).isEqualTo("قائمة بـ 12 مريضًا");
        assertThat(plurals.format("admin.audit.listed", 1, Locale.ENGLISH)).isEqualTo("1 patient listed");
        assertThat(plurals.format("admin.audit.count", 2, ar)).isEqualTo("قيدان، الأحدث أولًا");
        assertThat(plurals.format("admin.audit.count", 1, Locale.ENGLISH)).isEqualTo("1 entry, newest first");
        assertThat(plurals.format("desk.moreTimesHidden", 2, ar)).isEqualTo("ووقتان آخران لاحقًا في ذلك اليوم");
        assertThat(plurals.format("desk.moreTimesHidden", 5, ar)).isEqualTo("و5 أوقات أخرى لاحقًا في ذلك اليوم");
        assertThat(plurals.format("catalogue.service.minutes", 2, ar)).isEqualTo("دقيقتان");
        assertThat(plurals.format("catalogue.service.minutes", 10, ar)).isEqualTo("10 دقائق");
        assertThat(plurals.format("catalogue.service.minutes", 45, ar)).isEqualTo("45 دقيقة");
        org.springframework.context.i18n.LocaleContextHolder.setLocale(ar);
        try {
            assertThat(plurals.formatAll("finance.panel.remaining", 3, 10)).isEqualTo("متبقٍ 3 من 10 جلسات");
            assertThat(plurals.formatAll("finance.panel.remaining", 9, 12)).isEqualTo("متبقٍ 9 من 12 جلسة");
            assertThat(plurals.formatAll("visits.panel.more", 30, 300)).isEqualTo("تُعرض آخر 30 من 300 زيارة.");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(plurals.formatAll("finance.panel.remaining", 1, 1)).isEqualTo("1 of 1 session left");
            assertThat(plurals.formatAll("visits.panel.more", 30, 300))
                    .isEqualTo("Showing the latest 30 of 300 visits.");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
