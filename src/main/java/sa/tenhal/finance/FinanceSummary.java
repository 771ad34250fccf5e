package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientSummaryContributor;

/**
 * The patient summary's billing section: balance, open invoices and packages. Shown to the roles that handle money
 * (admin, manager, reception, finance); providers and nurses do not see it.
 */
@Component
class FinanceSummary implements PatientSummaryContributor {

    private static final Set<String> SEES_MONEY =
            Set.of("ROLE_ADMIN", "ROLE_MANAGER", "ROLE_RECEPTIONIST", "ROLE_FINANCE");

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
    public Optional<Object> contribute(PatientId patient) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = auth != null
                && auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(SEES_MONEY::contains);
        if (!allowed) {
            return Optional.empty();
        }
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
