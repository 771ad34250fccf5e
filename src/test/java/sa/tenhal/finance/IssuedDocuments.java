package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

/** For other modules' tests: a fresh centre ({@link FinanceFixtures}) and issued documents of each kind. */
public final class IssuedDocuments {

    private final FinanceFixtures f;
    private final Invoicing invoicing;
    private final Payments payments;

    public IssuedDocuments(
            CatalogAdministration catalog, PatientRegistry patients, Invoicing invoicing, Payments payments) {
        this.f = new FinanceFixtures(catalog, patients);
        this.invoicing = invoicing;
        this.payments = payments;
    }

    public String centre() {
        return f.centre;
    }

    /** A resident's visit: one simplified invoice at 15 %. */
    public InvoiceView resident() {
        return visit(f.resident()).get(0);
    }

    /** A citizen's visit: one simplified invoice, zero-rated VATEX-SA-HEA. */
    public InvoiceView citizen() {
        return visit(f.citizen()).get(0);
    }

    /** An insured citizen's visit: the patient's share (simplified) and the insurer's (standard), both issued. */
    public List<InvoiceView> insured() {
        return visit(f.insuredCitizen());
    }

    public InvoiceView creditNote(InvoiceView invoice, String amount) {
        return invoicing.creditNote(invoice.id(), new InvoiceRequests.CreditNote(new BigDecimal(amount), "corrected"));
    }

    /** Drafts of a visit, not issued. */
    public List<InvoiceView> drafts() {
        PatientDetails patient = f.resident();
        Instant start = Instant.now().minusSeconds(3600);
        return invoicing.generateFor(new CompletedVisit(
                UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start.plusSeconds(2700)));
    }

    public InvoiceView issue(InvoiceView draft) {
        return invoicing.issue(draft.id());
    }

    private List<InvoiceView> visit(PatientDetails patient) {
        Instant start = Instant.now().minusSeconds(3600);
        List<InvoiceView> drafts = invoicing.generateFor(new CompletedVisit(
                UUID.randomUUID(), patient.id(), f.clinic.id(), null, f.speech.id(), start, start.plusSeconds(2700)));
        return drafts.stream()
                .map(d -> d.status() == InvoiceStatus.DRAFT ? invoicing.issue(d.id()) : d)
                .toList();
    }
}
