package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.shared.Language;

/**
 * Builds drafts for a patient or their insurer with the VAT rule applied line by line, and issues documents (number,
 * due date, {@link InvoiceIssued}). Shared by invoicing and packages.
 */
@Component
class Billing {

    private final PatientRegistry patients;
    private final Invoices invoices;
    private final DocumentNumbers numbers;
    private final FinanceProperties properties;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<TaxDocumentSeal> seals;

    Billing(
            PatientRegistry patients,
            Invoices invoices,
            DocumentNumbers numbers,
            FinanceProperties properties,
            ClinicTime time,
            ApplicationEventPublisher events,
            ObjectProvider<TaxDocumentSeal> seals) {
        this.seals = seals;
        this.patients = patients;
        this.invoices = invoices;
        this.numbers = numbers;
        this.properties = properties;
        this.time = time;
        this.events = events;
    }

    PatientDetails patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    /** The patient's insurance coverage on a day, if any (the first one that has not expired). */
    Optional<PatientDetails.Coverage> coverage(PatientDetails patient, LocalDate day) {
        return patient.coverages().stream()
                .filter(c -> c.expiresOn() == null || !c.expiresOn().isBefore(day))
                .findFirst();
    }

    /**
     * A draft for the patient (the buyer is the patient; a citizen's national ID goes on it for the zero rate) or
     * for the insurer of the given coverage.
     */
    Invoice draft(
            PatientDetails patient,
            Payer payer,
            PatientDetails.Coverage coverage,
            String centreCode,
            UUID clinicId,
            UUID providerId,
            UUID appointmentId,
            UUID packageId,
            LocalDate serviceDate) {
        boolean citizen = HealthcareVat.citizen(patient);
        return Invoice.draft(
                new Invoice.Header(
                        DocumentKind.INVOICE,
                        payer,
                        centreCode,
                        patient.id().value(),
                        clinicId,
                        providerId,
                        appointmentId,
                        packageId,
                        payer == Payer.INSURER ? coverage.payerId() : null,
                        payer == Payer.INSURER ? coverage.payerName() : null,
                        payer == Payer.INSURER ? coverage.payerName() : patient.fullName(Language.AR),
                        payer == Payer.PATIENT && citizen
                                ? patient.identityDocument().number()
                                : null,
                        serviceDate),
                time.now());
    }

    void addService(
            Invoice invoice,
            PatientDetails patient,
            ServiceDetails service,
            int quantity,
            BigDecimal unitPrice,
            String noteEn,
            String noteAr) {
        VatTreatment treatment =
                HealthcareVat.treatment(service.vatCategory(), invoice.payer(), HealthcareVat.citizen(patient));
        invoice.addLine(
                service.id().value(),
                service.nameEn() + (noteEn == null ? "" : " " + noteEn),
                service.nameAr() + (noteAr == null ? "" : " " + noteAr),
                quantity,
                unitPrice,
                treatment,
                time.now());
    }

    /**
     * Issues a draft: next number of its series at its centre, issue and due dates; sealed (ZATCA phase 2) in the
     * same transaction by the {@link TaxDocumentSeal}, if there is one; publishes {@link InvoiceIssued}.
     */
    Invoice issue(Invoice invoice) {
        String number = numbers.next(invoice.centreCode(), invoice.kind());
        int days = invoice.payer() == Payer.INSURER ? properties.insurerPaymentDays() : properties.patientPaymentDays();
        invoice.issue(number, time.today(), days, time.now());
        Invoice saved = invoices.save(invoice);
        TaxDocumentSeal seal = seals.getIfAvailable();
        if (seal != null) {
            InvoiceView view = saved.view();
            InvoiceView original = view.originalInvoiceId() == null
                    ? null
                    : view(view.originalInvoiceId().value());
            seal.seal(view, original);
        }
        events.publishEvent(new InvoiceIssued(new InvoiceId(saved.id()), saved.kind(), saved.payer(), time.now()));
        return saved;
    }

    InvoiceView view(UUID invoiceId) {
        return invoices.findById(invoiceId)
                .map(Invoice::view)
                .orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    }
}
