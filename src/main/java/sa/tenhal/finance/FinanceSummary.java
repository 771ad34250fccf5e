package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientSummaryContributor;

/**
 * The patient summary's billing section: balance, open invoices and packages. Shown to the roles that see money
 * (docs/security.md: admin, manager, reception, finance); providers and nurses do not see it.
 */
@Component
class FinanceSummary implements PatientSummaryContributor {

    /** The section: the account, the open invoices (oldest due first) and the packages. */
    public record Section(AccountView account, List<OpenInvoice> openInvoices, List<PatientPackageView> packages) {}

    public record OpenInvoice(
            InvoiceId id,
            String number,
            InvoiceStatus status,
            BigDecimal total,
            BigDecimal balance,
            LocalDate dueDate) {}

    private final Payments payments;
    private final Invoicing invoicing;
    private final Packages packages;

    FinanceSummary(Payments payments, Invoicing invoicing, Packages packages) {
        this.payments = payments;
        this.invoicing = invoicing;
        this.packages = packages;
    }

    @Override
    public String section() {
        return "finance";
    }

    @Override
    public Optional<Object> contribute(PatientSight sight) {
        if (!sight.sees(PatientData.MONEY)) {
            return Optional.empty();
        }
        PatientId patient = sight.patient();
        List<OpenInvoice> open =
                invoicing
                        .list(patient.value(), null, null, PageRequest.of(0, 200, Sort.by("dueDate", "createdAt")))
                        .stream()
                        .filter(i -> i.payer() == Payer.PATIENT && i.status().open())
                        .map(i -> new OpenInvoice(i.id(), i.number(), i.status(), i.total(), i.balance(), i.dueDate()))
                        .toList();
        return Optional.of(new Section(payments.account(patient), open, packages.ofPatient(patient)));
    }

    @Override
    public String pageTemplate() {
        return "finance/patient-panel";
    }
}
