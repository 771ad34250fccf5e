package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user reads exists in Arabic and in English: both message files have the same keys, and every key a
 * page names exists. Keys built at run time ({@code #{'sex.' + ${s}}}) must at least have their prefix.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
    private static final Pattern BUILT_KEY = Pattern.compile("#\\{'([A-Za-z][\\w.-]*\\.)'\\s*\\+");

    @Test
    void arabicAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : bundles()) {
            Set<String> en = keys(bundle + ".properties");
            Set<String> ar = keys(bundle + "_ar.properties");
            assertThat(difference(en, ar))
                    .as(bundle + ": in English, missing in Arabic")
                    .isEmpty();
            assertThat(difference(ar, en))
                    .as(bundle + ": in Arabic, missing in English")
                    .isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String bundle : bundles()) {
            for (String key : keys(bundle + ".properties")) {
                if (!seen.add(key)) {
                    twice.add(bundle + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyAPageUsesExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : bundles()) {
            known.addAll(keys(bundle + ".properties"));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                Matcher literal = LITERAL_KEY.matcher(html);
                while (literal.find()) {
                    if (!known.contains(literal.group(1))) {
                        missing.add(RESOURCES.relativize(page) + ": " + literal.group(1));
                    }
                }
                Matcher built = BUILT_KEY.matcher(html);
                while (built.find()) {
                    String prefix = built.group(1);
                    if (known.stream().noneMatch(k -> k.startsWith(prefix))) {
                        missing.add(RESOURCES.relativize(page) + ": " + prefix + "*");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void arabicTextIsArabic() throws IOException {
        Properties ar = new Properties();
        Properties en = new Properties();
        for (String bundle : bundles()) {
            ar.putAll(load(bundle + "_ar.properties"));
            en.putAll(load(bundle + ".properties"));
        }
        Set<String> untranslated = new TreeSet<>();
        for (String key : ar.stringPropertyNames()) {
            String text = ar.getProperty(key);
            boolean hasLetters = text.codePoints().anyMatch(Character::isLetter);
            boolean sameAsEnglish = text.equals(en.getProperty(key));
            boolean arabic =
                    text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
            if (hasLetters && !arabic && sameAsEnglish && !NAMES.contains(key)) {
                untranslated.add(key + "=" + text);
            }
        }
        assertThat(untranslated).as("Arabic file entries still in English").isEmpty();
    }

    /** Texts that are the same in both languages on purpose (the other language's own name, brand names). */
    private static final Set<String> NAMES = Set.of("lang.switch.code", "channel.WHATSAPP", "channel.SMS");

    /** {@code messages} and every {@code i18n/<area>} bundle (the English file names the bundle). */
    private static List<String> bundles() throws IOException {
        List<String> bundles = new ArrayList<>(List.of("messages"));
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".properties") && !f.contains("_"))
                    .sorted()
                    .forEach(f -> bundles.add("i18n/" + f.substring(0, f.length() - ".properties".length())));
        }
        return bundles;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file));
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
