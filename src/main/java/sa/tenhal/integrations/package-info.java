/**
 * The edges to the partners' platforms: ZATCA e-invoicing ({@code zatca}), NPHIES insurance ({@code nphies}); lab
 * results join later. What
 * the partners share is written once here: outbound HTTP with timeouts and retries ({@code outbound}), the state of
 * each submission, local simulators of each partner for the embedded default and the tests.
 *
 * <ul>
 *   <li>Implements finance's {@link sa.tenhal.finance.TaxDocumentSeal}: every invoice, credit and debit note is
 *       turned into a signed UBL 2.1 document, chained (ICV, PIH) and stamped inside the transaction that issues it.
 *   <li>Listens to finance's {@code InvoiceIssued}: a simplified document is reported, a standard one cleared, at once.
 *   <li>Runs the {@code submit-zatca-invoices} job (daily 23:00): whatever ZATCA has not yet accepted is sent again, as
 *       itself.
 *   <li>NPHIES ({@code nphies}): listens to finance's {@code InvoiceIssued} (an insurer invoice of a visit is claimed)
 *       and the appointments module's {@code AppointmentBooked} (a service the payer authorises first is requested);
 *       records adjudications and posts payment reconciliations through finance's API; runs
 *       {@code submit-nphies-eligibility}, {@code -prior-auth}, {@code -claim}, {@code nphies-eligibility-day-before}
 *       and {@code poll-nphies}; its desk, booking and profile fragments are loaded by those pages with htmx.
 *   <li>Publishes nothing other modules listen to; no module depends on this one.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Integrations",
        allowedDependencies = {
            "finance",
            "appointments",
            "patients",
            "visits",
            "clinics",
            "identity",
            "platform",
            "platform :: jobs",
            "platform :: documents",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.integrations;
