/**
 * Billing and collection (seed "finance": InvoiceService, PaymentService, PackageService, the finance signals, tasks
 * and schedules): invoices with Saudi VAT, credit and debit notes, payments with their allocations, refunds and the
 * patient's credit balance, batch imports of bank transfers and insurer remittances, discounts with per-role limits,
 * session packages, overdue reminders and the financial report.
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.finance.Invoicing} (among it {@link sa.tenhal.finance.Invoicing#generateFor}, which
 *       bills a {@link sa.tenhal.finance.CompletedVisit} exactly once), {@link sa.tenhal.finance.Payments},
 *       {@link sa.tenhal.finance.Packages}, {@link sa.tenhal.finance.FinancialReports}.
 *   <li>Publishes {@link sa.tenhal.finance.InvoiceIssued}, {@link sa.tenhal.finance.PaymentReceived},
 *       {@link sa.tenhal.finance.InvoiceOverdue}, {@link sa.tenhal.finance.FinancialReportDue}: ids and periods,
 *       never patient data.
 *   <li>Listens to the appointments module's {@code AppointmentCompleted}: the visit is billed through
 *       {@link sa.tenhal.finance.Invoicing#generateFor} (durable, exactly once); and the patients module's
 *       {@code PatientsMerged}: invoices, payments (so credit) and packages follow the survivor.
 *   <li>Defines the SPI {@link sa.tenhal.finance.TaxDocumentSeal}: when an implementation exists (the integrations
 *       module's ZATCA seal), every document is sealed inside the transaction that issues it; a seal that fails rolls
 *       the issue back.
 *   <li>Nothing is deleted: an issued document never changes; corrections are credit and debit notes.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Finance",
        allowedDependencies = {
            "appointments",
            "clinics",
            "visits",
            "patients",
            "identity",
            "platform",
            "platform :: jobs",
            "platform :: documents",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.finance;
