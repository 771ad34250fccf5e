package sa.tenhal.finance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals each tax document as it is issued (ZATCA phase 2: the UBL document, its place in the unit's chain, the
 * cryptographic stamp and the QR code). Finance calls it inside the transaction that issues the document, after the
 * document has its number: a seal that fails rolls the whole issue back, so no document is issued unsealed and no
 * chain has a gap. Implemented outside finance (the integrations module); without an implementation documents are
 * issued with the phase-1 QR code only.
 */
public interface TaxDocumentSeal {

    /**
     * Seals an issued document; {@code original} is the invoice a credit or debit note refers to (null for an
     * invoice). Must run in the caller's transaction.
     */
    void seal(InvoiceView document, InvoiceView original);

    /** The QR code (base64 TLV) the document's PDF shows: the sealed one, or the cleared one once cleared. */
    Optional<String> qrCode(InvoiceId document);

    /** Where the sealed document stands with the tax authority; empty if it was not sealed. */
    Optional<State> state(InvoiceId document);

    /** The document as kept and sent: the signed XML, or the tax authority's cleared XML once cleared. */
    Optional<byte[]> document(InvoiceId document);

    /** The documents the tax authority has not (yet) accepted: waiting, retrying, refused credentials or rejected. */
    List<UUID> notAccepted();

    /**
     * A sealed document's state: {@code PENDING}, {@code RETRYING}, {@code ACCEPTED}, {@code ACCEPTED_WITH_WARNINGS},
     * {@code REJECTED} or {@code UNAUTHORISED}; {@code cleared} for a standard document the authority cleared; the
     * authority's messages (warnings, or the rule ids and texts of a rejection).
     */
    record State(
            String status,
            String operation,
            long counter,
            String hash,
            boolean cleared,
            int attempts,
            Instant lastAttemptAt,
            Instant acceptedAt,
            List<Message> messages) {

        public boolean accepted() {
            return "ACCEPTED".equals(status) || "ACCEPTED_WITH_WARNINGS".equals(status);
        }
    }

    /** One message of the tax authority: ERROR or WARNING, its rule id (e.g. BR-KSA-25) and text. */
    record Message(String type, String code, String text) {}
}
