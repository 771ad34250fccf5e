package sa.tenhal.patients;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.List;
import java.util.Map;

/**
 * The seed's patient summary: details, files and consents, plus one section per contributing module
 * ({@link PatientSummaryContributor}), each under its own name.
 */
public record PatientSummary(
        PatientDetails patient,
        List<PatientFileDetails> files,
        List<ConsentDetails> consents,
        Map<String, Object> sections) {

    @JsonAnyGetter
    public Map<String, Object> sections() {
        return sections;
    }
}
