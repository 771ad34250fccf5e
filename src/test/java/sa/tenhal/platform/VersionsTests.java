package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class VersionsTests {

    @Test
    void readsStrongWeakAndBareEtags() {
        assertThat(Versions.expected("\"3\"")).isEqualTo(3);
        assertThat(Versions.expected("W/\"3\"")).isEqualTo(3);
        assertThat(Versions.expected("3")).isEqualTo(3);
        assertThat(Versions.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void aMissingIfMatchIs428AndAGarbledOne400() {
        assertThatThrownBy(() -> Versions.expected(null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status())
                        .isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> Versions.expected("\"abc\""))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aStaleVersionIs412NamingTheCurrentOne() {
        assertThatThrownBy(() -> Versions.check("patient", 2, 3))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
                    assertThat(e.properties()).containsEntry("currentVersion", 3L);
                });
    }
}
