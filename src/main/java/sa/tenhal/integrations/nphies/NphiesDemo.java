package sa.tenhal.integrations.nphies;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.patients.SubscriberRelation;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * The demo centre's insurance: two payers (an insurer, and a TPA administering another insurer's policies), the
 * centre's NPHIES identity, the services the insurer authorises first (assessments), and eight demo children insured
 * as dependants on a parent's policy — one of them with a member id the simulator does not cover (ends in 0). Added
 * after the demo history, so past visits stay as they were billed.
 */
@Component
@DemoData
@Order(80)
class NphiesDemo implements ApplicationRunner {

    static final String INSURER = "INS-BUPA";
    static final String TPA = "INS-GLOBEMED";
    private static final Logger log = LoggerFactory.getLogger(NphiesDemo.class);

    private final Payers payers;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final NphiesProperties properties;
    private final String centreCode;

    NphiesDemo(
            Payers payers,
            PatientRegistry patients,
            ClinicTime time,
            NphiesProperties properties,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.payers = payers;
        this.patients = patients;
        this.time = time;
        this.properties = properties;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (payers.find(INSURER).isPresent()) {
            return;
        }
        var now = time.now();
        payers.save(new Payers.Payer(INSURER, "N-I-00001", "Bupa Arabia", "بوبا العربية", "INSURER", null, true), now);
        payers.save(
                new Payers.Payer(TPA, "N-T-00002", "GlobeMed Saudi", "جلوب ميد السعودية", "TPA", "N-I-00003", true),
                now);
        for (String code : List.of("DEMO-SLP-EVAL", "DEMO-OT-EVAL", "DEMO-PSY-EVAL", "DEMO-ABA-EVAL")) {
            payers.requireAuthorisation(INSURER, code);
        }
        payers.requireAuthorisation(TPA, "*");
        payers.saveProvider(
                new Payers.ProviderIdentity(
                        centreCode,
                        properties.providerLicence(),
                        properties.locationLicence(),
                        properties.baseUrl() + "/" + centreCode),
                now);
        List<PatientDetails> children = patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 50)).stream()
                .filter(p -> p.birthDate() != null
                        && p.birthDate().isAfter(time.today().minusYears(14)))
                .limit(8)
                .toList();
        int n = 0;
        for (PatientDetails child : children) {
            n++;
            boolean tpa = n % 4 == 0;
            // member ids end in 1..8, but the fifth child's ends in 0: the simulator says "not covered"
            String member = "M-" + (4410000 + n * 10 + (n == 5 ? 0 : 1));
            patients.addCoverage(
                    child.id(),
                    new PatientForm.CoverageForm(
                            null,
                            tpa ? TPA : INSURER,
                            tpa ? "GlobeMed Saudi" : "Bupa Arabia",
                            member,
                            "POL-" + (7700 + n),
                            n % 2 == 0 ? "A" : "B",
                            LocalDate.of(time.today().getYear() + 1, 12, 31),
                            SubscriberRelation.CHILD,
                            "M-" + (4410000 + n * 10)));
        }
        log.info("Demo NPHIES payers and {} insured children", children.size());
    }
}
