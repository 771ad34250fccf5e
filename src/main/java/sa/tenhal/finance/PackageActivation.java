package sa.tenhal.finance;

import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;

/** A package becomes usable when its invoice is paid in full (called in the paying transaction). */
@Component
class PackageActivation {

    private final PatientPackages packages;
    private final PackageDefinitions definitions;
    private final ClinicTime time;

    PackageActivation(PatientPackages packages, PackageDefinitions definitions, ClinicTime time) {
        this.packages = packages;
        this.definitions = definitions;
        this.time = time;
    }

    void paid(Invoice invoice) {
        if (invoice.packageId() == null || invoice.status() != InvoiceStatus.PAID) {
            return;
        }
        packages.lock(invoice.packageId()).ifPresent(pkg -> {
            PackageDefinition definition =
                    definitions.findById(pkg.definitionId()).orElseThrow();
            pkg.activate(time.today(), definition.validityDays(), time.now());
            packages.save(pkg);
        });
    }
}
