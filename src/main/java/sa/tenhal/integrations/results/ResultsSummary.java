package sa.tenhal.integrations.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientSummaryContributor;
import sa.tenhal.platform.ClinicTime;

/**
 * The results on the patient's profile (and in the summary API), the way visits contributes its record: the latest
 * results with their current observations, unreviewed ones first, and the trend of every test done more than once.
 * Only for who reads the clinical record; the profile's read is audited by the patient summary itself. This is how
 * {@code patients} shows results without depending on this module.
 */
@Component
public class ResultsSummary implements PatientSummaryContributor {

    /** How many results the profile lists. */
    static final int LATEST = 20;

    /** One result as the profile lists it. */
    public record Line(ResultStore.Stored report, List<ResultStore.StoredObservation> observations) {}

    /** A test measured more than once: its points, oldest first. */
    public record Trend(String code, String display, String unit, String low, String high, List<String[]> points) {

        /** "date,value,flag;…" for the chart script (a data attribute: no inline script under the CSP). */
        public String data() {
            StringBuilder b = new StringBuilder();
            for (String[] p : points) {
                b.append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append(';');
            }
            return b.toString();
        }
    }

    /** The section: results and trends. */
    public record Section(List<Line> results, List<Trend> trends, int unreviewed) {}

    private final ResultStore store;
    private final ClinicTime time;

    ResultsSummary(ResultStore store, ClinicTime time) {
        this.store = store;
        this.time = time;
    }

    @Override
    public String section() {
        return "results";
    }

    @Override
    public Optional<Object> contribute(PatientSight sight) {
        if (!sight.sees(PatientData.CLINICAL_RECORD)) {
            return Optional.empty();
        }
        var patient = sight.patient().value();
        List<ResultStore.Stored> reports = new ArrayList<>(store.ofPatient(patient, LATEST));
        reports.sort(java.util.Comparator.comparing((ResultStore.Stored r) -> r.reviewedAt() != null));
        List<Line> lines =
                reports.stream().map(r -> new Line(r, store.current(r.id()))).toList();
        Map<String, List<ResultStore.TrendPoint>> byCode = new LinkedHashMap<>();
        for (var point : store.numericHistory(patient)) {
            byCode.computeIfAbsent(point.code(), c -> new ArrayList<>()).add(point);
        }
        List<Trend> trends = new ArrayList<>();
        byCode.forEach((code, points) -> {
            if (points.size() < 2) {
                return;
            }
            var last = points.get(points.size() - 1);
            trends.add(new Trend(
                    code,
                    last.display() == null ? code : last.display(),
                    last.unit() == null ? "" : last.unit(),
                    last.low() == null ? "" : last.low().toPlainString(),
                    last.high() == null ? "" : last.high().toPlainString(),
                    points.stream()
                            .map(p -> new String[] {
                                time.local(p.at()).toLocalDate().toString(),
                                p.value().stripTrailingZeros().toPlainString(),
                                p.flag().name()
                            })
                            .toList()));
        });
        int unreviewed =
                (int) reports.stream().filter(r -> r.reviewedAt() == null).count();
        return Optional.of(new Section(lines, trends, unreviewed));
    }

    @Override
    public String pageTemplate() {
        return "results/patient-panel";
    }
}
