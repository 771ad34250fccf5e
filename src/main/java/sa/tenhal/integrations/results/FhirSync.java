package sa.tenhal.integrations.results;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.visits.OrderKind;

/**
 * The {@code sync-lab-results} and {@code sync-radiology-results} jobs (docs/jobs.md): from each configured FHIR
 * source, the {@code DiagnosticReport}s of the category changed since the source's high-water mark, with their
 * {@code Observation}s and {@code Patient} ({@code _include}), oldest change first, page by page (the server's
 * {@code next} links).
 *
 * <p>Each page is one transaction: its reports are filed and the high-water mark moves to the page's last change, so a
 * restart resumes after the last page stored. The source's row in {@code result_sync} is locked for the page ({@code
 * for update skip locked}): a second node finds it taken and leaves the source alone. A search restarts a little
 * before the mark ({@code overlap}), because a server may commit a change stamped earlier than one it already showed;
 * what is read twice is recognised by its version and stored once.
 */
@Service
public class FhirSync {

    private static final Logger log = LoggerFactory.getLogger(FhirSync.class);

    /** How far before the high-water mark a search starts again. */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    private final ResultsProperties properties;
    private final ResultIntake intake;
    private final ResultStore store;
    private final JdbcClient jdbc;
    private final ClinicTime time;
    private final TransactionTemplate transactions;
    private final org.springframework.beans.factory.ObjectProvider<TestLab> testLab;

    FhirSync(
            ResultsProperties properties,
            ResultIntake intake,
            ResultStore store,
            JdbcClient jdbc,
            ClinicTime time,
            PlatformTransactionManager transactionManager,
            org.springframework.beans.factory.ObjectProvider<TestLab> testLab) {
        this.testLab = testLab;
        this.properties = properties;
        this.intake = intake;
        this.store = store;
        this.jdbc = jdbc;
        this.time = time;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** What one run did. */
    public record Outcome(int pages, int reports, int filed) {}

    /** Syncs every configured source for the category; a source that fails is logged and tried next run. */
    public Outcome sync(OrderKind category) {
        int pages = 0;
        int reports = 0;
        int filed = 0;
        List<ResultsProperties.FhirSource> sources = new java.util.ArrayList<>(properties.fhirSources());
        TestLab lab = testLab.getIfAvailable();
        if (lab != null) {
            sources.add(lab.source());
        }
        for (ResultsProperties.FhirSource source : sources) {
            try {
                Outcome o = sync(source, category);
                pages += o.pages();
                reports += o.reports();
                filed += o.filed();
            } catch (RuntimeException e) {
                log.warn("FHIR sync of {} from {} stopped: {}", category, source.name(), e.toString());
            }
        }
        return new Outcome(pages, reports, filed);
    }

    Outcome sync(ResultsProperties.FhirSource source, OrderKind category) {
        jdbc.sql("insert into result_sync (source, category) values (:s, :c) on conflict do nothing")
                .param("s", source.name())
                .param("c", category.name())
                .update();
        RestClient client = Outbound.client(source.baseUrl(), Duration.ofSeconds(10), Duration.ofSeconds(60));
        int[] totals = new int[3];
        String[] next = {null};
        while (true) {
            Boolean more = transactions.execute(status -> {
                var mark = jdbc.sql("select high_water from result_sync where source = :s and category = :c for update"
                                + " skip locked")
                        .param("s", source.name())
                        .param("c", category.name())
                        .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))
                                .map(Timestamp::toInstant))
                        .optional();
                if (mark.isEmpty()) {
                    return false; // another node is syncing this source
                }
                String url = next[0] != null
                        ? next[0]
                        : first(source, category, mark.get().orElse(null));
                Bundle page = fetch(client, source, url);
                Instant highest = mark.get().orElse(null);
                var included = FhirReports.index(page);
                int inPage = 0;
                for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                    if (!(entry.getResource() instanceof DiagnosticReport dr)) {
                        continue;
                    }
                    if (entry.hasSearch() && entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE) {
                        continue;
                    }
                    inPage++;
                    try {
                        IncomingReport report = FhirReports.report(source.name(), dr, included, category);
                        var outcomes = intake.fileMessage(source.name(), FhirReports.versionId(dr), List.of(report));
                        if (outcomes.get(0) != ResultIntake.Outcome.DUPLICATE
                                && outcomes.get(0) != ResultIntake.Outcome.UNCHANGED) {
                            totals[2]++;
                        }
                    } catch (RuntimeException e) {
                        store.rejected(
                                source.name(),
                                FhirReports.versionId(dr),
                                "AE",
                                "cannot file: " + e.getMessage(),
                                Fhir.CONTEXT.newJsonParser().encodeResourceToString(dr),
                                time.now());
                    }
                    if (dr.getMeta().hasLastUpdated()) {
                        Instant changed = dr.getMeta().getLastUpdated().toInstant();
                        highest = highest == null || changed.isAfter(highest) ? changed : highest;
                    }
                }
                jdbc.sql("update result_sync set high_water = :hw, synced_at = :now, reports = reports + :n where"
                                + " source = :s and category = :c")
                        .param("hw", highest == null ? null : Timestamp.from(highest))
                        .param("now", Timestamp.from(time.now()))
                        .param("n", inPage)
                        .param("s", source.name())
                        .param("c", category.name())
                        .update();
                totals[0]++;
                totals[1] += inPage;
                var link = page.getLink(Bundle.LINK_NEXT);
                next[0] = link == null || link.getUrl() == null || inPage == 0 ? null : link.getUrl();
                return next[0] != null;
            });
            if (!Boolean.TRUE.equals(more)) {
                return new Outcome(totals[0], totals[1], totals[2]);
            }
        }
    }

    /** The first page's search: the category's reports changed since the mark (less the overlap), oldest first. */
    private static String first(ResultsProperties.FhirSource source, OrderKind category, Instant mark) {
        StringBuilder url = new StringBuilder(source.baseUrl().replaceAll("/+$", ""))
                .append("/DiagnosticReport?category=")
                .append(category == OrderKind.LAB ? "LAB" : "RAD")
                .append("&_sort=_lastUpdated&_count=")
                .append(source.pageSize())
                .append("&_include=DiagnosticReport:result&_include=DiagnosticReport:subject");
        if (mark != null) {
            url.append("&_lastUpdated=ge").append(DateTimeFormatter.ISO_INSTANT.format(mark.minus(OVERLAP)));
        }
        return url.toString();
    }

    private static Bundle fetch(RestClient client, ResultsProperties.FhirSource source, String url) {
        var request = client.get().uri(URI.create(url)).header("Accept", "application/fhir+json");
        if (source.bearerToken() != null && !source.bearerToken().isBlank()) {
            request = request.header("Authorization", "Bearer " + source.bearerToken());
        }
        String body = request.retrieve().body(String.class);
        return Fhir.CONTEXT.newJsonParser().parseResource(Bundle.class, body);
    }
}
