package sa.tenhal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of record the modules audit ({@code Audited.of("Kind", …)}) is offered by the audit page's filter and
 * named there in both languages — a new kind otherwise shows up as a class name on an Arabic page.
 */
class AuditRecordTypesTests {

    private static final Pattern AUDITED = Pattern.compile("Audited\\.of\\(\\s*\"([A-Za-z]+)\"");
    /** Reads of patient data name their kind too ({@code reads.viewed("Invoice", …)}, {@code reads.listed(…)}). */
    private static final Pattern READ = Pattern.compile("reads\\s*\\.\\s*(?:viewed|listed)\\(\\s*\"([A-Za-z]+)\"");

    @Test
    void everyAuditedKindIsOfferedAndNamedInArabicAndEnglish() throws IOException {
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (Pattern kind : List.of(AUDITED, READ)) {
                    Matcher m = kind.matcher(code);
                    while (m.find()) {
                        kinds.add(m.group(1));
                    }
                }
            }
        }
        kinds.add("StaffUser"); // sign-ins, written by the audit module itself
        assertThat(kinds).contains("Patient", "Appointment", "Invoice", "Account", "BreakGlass");

        assertThat(AuditPage.KNOWN_RECORD_TYPES).containsExactlyInAnyOrderElementsOf(kinds);
        Properties en = load("admin.properties");
        Properties ar = load("admin_ar.properties");
        for (String kind : kinds) {
            assertThat(en.getProperty("auditRecord." + kind))
                    .as(kind + " in English")
                    .isNotBlank();
            assertThat(ar.getProperty("auditRecord." + kind))
                    .as(kind + " in Arabic")
                    .isNotBlank()
                    .containsPattern("\\p{IsArabic}");
        }
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
