/**
 * NPHIES, the national health insurance exchange (docs/nphies.md): eligibility, prior authorisation, claims and the
 * poll as FHIR R4 messages built, read and validated with HAPI FHIR; the payers and the centre's NPHIES identity; the
 * local simulator; the transport over mutual TLS; the payers page and API ({@link
 * sa.tenhal.integrations.nphies.PayerAdministration}). Listens to {@code InvoiceIssued} and {@code AppointmentBooked};
 * publishes {@code PayerChanged}, which only the audit trail hears.
 */
package sa.tenhal.integrations.nphies;
