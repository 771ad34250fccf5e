package sa.tenhal.patients;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.PatientLabels;
import sa.tenhal.shared.Language;

/** Names and file numbers for pages that hold patient ids: one query for the lot. */
@Component
class PatientLabelsFromRecords implements PatientLabels {

    private final Patients patients;

    PatientLabelsFromRecords(Patients patients) {
        this.patients = patients;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> labels(Collection<UUID> ids, java.util.Locale locale) {
        Language language = Language.of(locale);
        Map<UUID, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        patients.findAllById(ids.stream().distinct().toList()).forEach(p -> {
            PatientDetails d = p.details();
            labels.put(d.id().value(), d.fullName(language) + " · " + d.mrn());
        });
        return labels;
    }
}
