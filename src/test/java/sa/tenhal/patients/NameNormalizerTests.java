package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTests {

    @Test
    void foldsHamzaFormsOfAlef() {
        assertThat(NameNormalizer.normalize("أحمد")).isEqualTo(NameNormalizer.normalize("احمد"));
        assertThat(NameNormalizer.normalize("إبراهيم")).isEqualTo("ابراهيم");
        assertThat(NameNormalizer.normalize("آمنة")).isEqualTo("امنه");
    }

    @Test
    void dropsDiacriticsAndTatweel() {
        assertThat(NameNormalizer.normalize("مُحَمَّد")).isEqualTo("محمد");
        assertThat(NameNormalizer.normalize("محـــمد")).isEqualTo("محمد");
    }

    @Test
    void foldsTaaMarbutaAlefMaqsuraAndHamzaOnWawAndYaa() {
        assertThat(NameNormalizer.normalize("فاطمة")).isEqualTo("فاطمه");
        assertThat(NameNormalizer.normalize("مصطفى")).isEqualTo("مصطفي");
        assertThat(NameNormalizer.normalize("لؤي")).isEqualTo("لوي");
        assertThat(NameNormalizer.normalize("هائل")).isEqualTo("هايل");
    }

    @Test
    void ignoresCaseAccentsAndPunctuation() {
        assertThat(NameNormalizer.normalize("José Al-Harbi")).isEqualTo("jose al harbi");
        assertThat(NameNormalizer.normalize("  MOHAMMED  ")).isEqualTo("mohammed");
    }

    @Test
    void searchTextAlsoHoldsNamesWithoutTheArticle() {
        String text = NameNormalizer.searchText("Sara", "AlHarbi", "سارة", "الحربي");
        assertThat(text.split(" ")).contains("sara", "alharbi", "harbi", "ساره", "الحربي", "حربي");
    }
}
