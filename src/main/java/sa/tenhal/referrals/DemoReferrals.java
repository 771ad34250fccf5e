package sa.tenhal.referrals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * Demo referrals, so the referral lists are not empty on first start: one waiting past its service level, one
 * waiting in time, one accepted, one rejected, one completed — between speech therapy, OT and psychology.
 */
@Component
@DemoData
@Order(60)
class DemoReferrals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

    private final ReferralRepository referrals;
    private final ServiceLevels serviceLevels;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final String centreCode;

    DemoReferrals(
            ReferralRepository referrals,
            ServiceLevels serviceLevels,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.referrals = referrals;
        this.serviceLevels = serviceLevels;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (referrals.count() > 0) {
            return;
        }
        Map<Discipline, ClinicDetails> clinics = catalog.clinics(centreCode, true, PageRequest.of(0, 50)).stream()
                .collect(Collectors.toMap(ClinicDetails::discipline, Function.identity(), (a, b) -> a));
        ClinicDetails speech = clinics.get(Discipline.SPEECH_LANGUAGE);
        ClinicDetails ot = clinics.get(Discipline.OCCUPATIONAL_THERAPY);
        ClinicDetails psychology = clinics.get(Discipline.PSYCHOLOGY);
        List<PatientDetails> people =
                patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 5)).getContent();
        if (speech == null || ot == null || psychology == null || people.size() < 5) {
            return;
        }
        var now = time.now();
        make(
                people.get(0),
                speech,
                ot,
                "Fine motor delay noticed in speech sessions",
                Urgency.URGENT,
                Duration.ofDays(6));
        make(
                people.get(1),
                speech,
                psychology,
                "Attention difficulties; assessment requested",
                Urgency.ROUTINE,
                Duration.ofHours(3));
        Referral accepted =
                make(people.get(2), ot, speech, "Articulation assessment", Urgency.ROUTINE, Duration.ofDays(2));
        accepted.accept(null, now.minus(Duration.ofDays(1)));
        Referral rejected =
                make(people.get(3), psychology, ot, "Handwriting support", Urgency.ROUTINE, Duration.ofDays(4));
        rejected.reject(null, "Seen at school by an OT already", now.minus(Duration.ofDays(3)));
        Referral completed = make(people.get(4), speech, ot, "Feeding assessment", Urgency.URGENT, Duration.ofDays(20));
        completed.accept(null, now.minus(Duration.ofDays(19)));
        completed.complete(now.minus(Duration.ofDays(12)), false);
        referrals.saveAll(List.of(accepted, rejected, completed));
        log.info("Demo referrals created: 5");
    }

    private Referral make(
            PatientDetails patient,
            ClinicDetails from,
            ClinicDetails to,
            String reason,
            Urgency urgency,
            Duration ago) {
        var at = time.now().minus(ago);
        Referral referral = new Referral(
                new ReferralForm(
                        patient.id().value(), from.id().value(), null, to.id().value(), null, reason, urgency, null),
                at,
                serviceLevels.respondBy(at, urgency),
                null,
                null,
                null);
        return referrals.save(referral);
    }
}
