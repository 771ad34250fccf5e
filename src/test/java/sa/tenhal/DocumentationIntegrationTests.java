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

    static ApplicationModules modules() {
        return ModularityTests.MODULES;
    }
}
