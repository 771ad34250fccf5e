package sa.tenhal.referrals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientSummaryContributor;

/**
 * The patient's referrals in their summary, for the roles that see a patient's appointments; a referral's reasons are
 * clinical and reach only the clinicians of the patient's care team (docs/security.md).
 */
@Component
class ReferralsSummary implements PatientSummaryContributor {

    /** One referral with its clinics' names, as the summary shows it. */
    record Line(ReferralDetails referral, ClinicDetails from, ClinicDetails to) {}

    private final Referrals referrals;
    private final ClinicCatalog catalog;

    ReferralsSummary(Referrals referrals, ClinicCatalog catalog) {
        this.referrals = referrals;
        this.catalog = catalog;
    }

    @Override
    public String section() {
        return "referrals";
    }

    @Override
    public Optional<Object> contribute(PatientSight sight) {
        if (!sight.sees(PatientData.APPOINTMENTS)) {
            return Optional.empty();
        }
        List<ReferralDetails> all = referrals.ofPatient(sight.patient()).stream()
                .map(r -> sight.sees(PatientData.REFERRAL_REASONS) ? r : r.withoutReasons())
                .toList();
        Map<ClinicId, ClinicDetails> clinics = catalog.clinics(all.stream()
                .flatMap(r -> Stream.of(r.fromClinicId(), r.toClinicId()))
                .filter(java.util.Objects::nonNull)
                .map(ClinicId::new)
                .collect(Collectors.toSet()));
        return Optional.of(all.stream()
                .map(r -> new Line(
                        r,
                        clinics.get(new ClinicId(r.fromClinicId())),
                        r.toClinicId() == null ? null : clinics.get(new ClinicId(r.toClinicId()))))
                .toList());
    }

    @Override
    public String pageTemplate() {
        return "referrals/patient-panel";
    }
}
