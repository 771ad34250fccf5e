package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/services.md names every module's public service (issue 20: the seed's services reference). */
class ServicesDocumentTests {

    static final Pattern SERVICE = Pattern.compile("(?m)^@Service\\s*(?:@\\w+.*\\s*)*public class (\\w+)");

    @Test
    void everyPublicServiceIsDescribed() throws IOException {
        String doc = Files.readString(Path.of("docs/services.md"));
        for (String module : List.of(
                "patients",
                "clinics",
                "appointments",
                "visits",
                "referrals",
                "finance",
                "identity",
                "integrations/zatca",
                "integrations/results",
                "integrations/nphies")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/sa/tenhal", module))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        var m = SERVICE.matcher(Files.readString(f));
                        if (m.find()) {
                            assertThat(doc)
                                    .as("docs/services.md describes %s", m.group(1))
                                    .contains("`" + m.group(1) + "`");
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        assertThat(doc).contains("**Rules.**", "**Publishes.**", "`PatientsMerged`", "`InvoiceIssued`");
    }
}
