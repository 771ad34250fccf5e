package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.core.ApplicationModules;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.RecurringJob;

/** docs/events.md and docs/jobs.md name every event the modules publish and every job the application registers. */
@TenhalIntegrationTest
class DocumentationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void everyPublishedEventIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/events.md"));
        List<String> events = ModularityTests.MODULES.stream()
                .flatMap(module -> module.getPublishedEvents().stream())
                .map(event -> event.getType().getSimpleName())
                .distinct()
                .toList();
        assertThat(events).isNotEmpty();
        assertThat(events)
                .allSatisfy(event ->
                        assertThat(doc).as("docs/events.md names %s", event).contains("`" + event + "`"));
    }

    @Test
    void everyRegisteredJobIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/jobs.md"));
        var recurring = context.getBeansOfType(RecurringJob.class).values().stream()
                .map(RecurringJob::name)
                .toList();
        var oneTime = context.getBeansOfType(OneTimeJobHandler.class).values().stream()
                .map(h -> h.job().name())
                .toList();
        assertThat(recurring).contains("resubmit-failed-events");
        assertThat(oneTime).contains("deliver-message");
        assertThat(recurring)
                .allSatisfy(
                        job -> assertThat(doc).as("docs/jobs.md names %s", job).contains("`" + job + "`"));
        assertThat(oneTime)
                .allSatisfy(
                        job -> assertThat(doc).as("docs/jobs.md names %s", job).contains("`" + job + "`"));
    }

    /** The project stands alone: every link of the README and the docs leads to a file inside the repository. */
    @Test
    void everyLinkOfTheDocsLeadsToAFileInTheRepository() throws Exception {
        Path root = Path.of("").toAbsolutePath().normalize();
        List<Path> pages = new java.util.ArrayList<>(List.of(Path.of("README.md")));
        for (String folder : List.of("docs", "deploy", "bench")) {
            try (var files = Files.list(Path.of(folder))) {
                files.filter(f -> f.toString().endsWith(".md")).forEach(pages::add);
            }
        }
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new java.util.ArrayList<>();
        for (Path page : pages) {
            var m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
                    continue; // a web address or a place on the same page
                }
                String file = target.replaceAll("#.*$", "");
                Path resolved = page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(page + " -> " + target);
                }
            }
            assertThat(Files.readString(page))
                    .as("%s names a file outside the repository", page)
                    .doesNotContain("../shared/");
        }
        assertThat(broken).as("links to files that are not in the repository").isEmpty();
    }

    static ApplicationModules modules() {
        return ModularityTests.MODULES;
    }
}
