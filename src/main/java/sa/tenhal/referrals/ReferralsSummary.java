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
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientSummaryContributor;
import sa.tenhal.platform.Actor;

/**
 * The patient's referrals in their summary. A referral's reason is clinical, so finance staff (who see money, not
 * clinical notes) don't get this section.
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
    public Optional<Object> contribute(PatientId patient) {
        if (!mayReadClinicalItems()) {
            return Optional.empty();
        }
        List<ReferralDetails> all = referrals.ofPatient(patient);
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

    private static boolean mayReadClinicalItems() {
        var roles = Actor.roles();
        return roles.isEmpty() || roles.stream().anyMatch(a -> !a.equals("ROLE_FINANCE") && a.startsWith("ROLE_"));
    }
}
