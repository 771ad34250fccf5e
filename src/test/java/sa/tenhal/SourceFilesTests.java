package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source file declares a type of its own name. javac writes no {@code Foo.class} for a {@code Foo.java} that holds
 * only other types, and Maven's compiler plugin then finds that file stale on every build and recompiles all sources —
 * {@code mvn spring-boot:run} compiled everything on every run until this held.
 */
class SourceFilesTests {

    @Test
    void everySourceFileDeclaresATypeOfItsName() throws Exception {
        List<String> nameless;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            nameless = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .filter(f -> {
                        String name = f.getFileName().toString().replace(".java", "");
                        Pattern declaration =
                                Pattern.compile("(class|interface|record|enum|@interface)\\s+" + name + "\\b");
                        try {
                            return !declaration.matcher(Files.readString(f)).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(nameless).as("source files without a type of their name").isEmpty();
    }
}
