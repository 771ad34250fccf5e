package sa.tenhal.patients;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/** Fifty demo patients on the embedded default, most of them children with guardians, each with an open file. */
@Component
@DemoData
@Order(30)
class DemoPatients implements ApplicationRunner {

    static final int COUNT = 50;
    private static final Logger log = LoggerFactory.getLogger(DemoPatients.class);

    private final Patients patients;
    private final PatientRegistry registry;
    private final ClinicTime time;
    private final String centreCode;

    DemoPatients(
            Patients patients,
            PatientRegistry registry,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.patients = patients;
        this.registry = registry;
        this.time = time;
        this.centreCode = centreCode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (patients.count() > 0) {
            return;
        }
        for (int n = 1; n <= COUNT; n++) {
            registry.register(SyntheticPatients.patient(n, time.today()), true, centreCode);
        }
        log.info("Demo patients created: {}", COUNT);
    }
}
