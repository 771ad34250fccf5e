package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

    @Test
    void textPeopleTypePasses() {
        for (String text : new String[] {
            "",
            "Sara Al-Harbi",
            "سارة الحربي",
            "line one\nline two\r\n\tindented",
            "😀 emoji pairs",
            "\u200fRLM \u202bRLE\u202c"
        }) {
            assertThat(ControlCharacters.firstRefused(text)).as(text).isEqualTo(-1);
            assertThat(ControlCharacters.reason(text)).isNull();
        }
        assertThat(ControlCharacters.present(null)).isFalse();
    }

    @Test
    void controlsAndLoneSurrogatesAreRefusedByCodePointAndPosition() {
        assertThat(ControlCharacters.reason("ab\u0000")).contains("U+0000 at position 2");
        assertThat(ControlCharacters.firstRefused("\u001b[31m")).isZero();
        assertThat(ControlCharacters.firstRefused("x\u007f")).isEqualTo(1);
        assertThat(ControlCharacters.firstRefused("\u0085")).isZero();
        assertThat(ControlCharacters.firstRefused("\u009f")).isZero();
        assertThat(ControlCharacters.firstRefused("\u00a0 no-break space is text"))
                .isEqualTo(-1);
        assertThat(ControlCharacters.reason("a\ud800")).contains("U+D800 at position 1");
        assertThat(ControlCharacters.firstRefused("\udc00a")).isZero();
        assertThat(ControlCharacters.firstRefused("\ud83d\ude00\ud83d")).isEqualTo(2);
    }
}
