package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who is who in a NPHIES message, and what it claims: plain snapshots taken from the other modules' APIs, so that
 * building a message needs no database and no Spring (the tests and the benchmark build them directly).
 */
final class Parties {

    private Parties() {}

    /** The centre as a NPHIES provider: its licence, facility licence and the base URL of its resources' fullUrls. */
    record Provider(String licence, String locationLicence, String baseUrl, String nameEn) {}

    /**
     * A payer: who receives the message ({@code licence}: the insurer, or the TPA that administers the policy) and the
     * insurer that carries the risk ({@code insurerLicence}, the same unless a TPA).
     */
    record Payer(String payerId, String licence, String insurerLicence, String name, boolean tpa) {}

    /** The insured patient and their coverage. */
    record Member(
            UUID patientId,
            String mrn,
            String givenName,
            String familyName,
            LocalDate birthDate,
            String gender,
            String identityType,
            String identityNumber,
            String passportCountry,
            UUID coverageId,
            String memberId,
            String policyNumber,
            String planClass,
            String relationship,
            String subscriberMemberId,
            LocalDate coverageEnd) {}

    /** The practitioner who gave or will give the service. */
    record Practitioner(UUID id, String licence, String name, String practiceCode) {}

    /** A coded diagnosis (ICD-10-AM). */
    record Diagnosis(String code, boolean principal) {}

    /**
     * A service line: billing code and its NPHIES code system, quantity, unit price (before VAT), the VAT on the line
     * and what the patient pays of it. {@code net} = unit price × quantity + VAT (reference B5), and the insurer owes
     * {@code net − patientShare}.
     */
    record Item(
            int sequence,
            String system,
            String code,
            String display,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal tax,
            BigDecimal patientShare,
            String patientInvoice,
            LocalDate servicedOn,
            UUID serviceId) {

        BigDecimal net() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).add(tax).setScale(2, RoundingMode.HALF_UP);
        }

        BigDecimal payerShare() {
            return net().subtract(patientShare);
        }
    }

    /**
     * A prior authorisation request or a claim: the encounter ({@code encounterId}, its day), the diagnoses and the
     * service lines; a claim names the authorisations it relies on; a resubmission names the claim it corrects.
     */
    record ClaimContent(
            String identifier,
            UUID encounterId,
            LocalDate encounterDay,
            boolean followUp,
            Practitioner practitioner,
            List<Diagnosis> diagnoses,
            List<Item> items,
            List<String> preAuthRefs,
            String resubmissionOf) {

        BigDecimal total() {
            return items.stream().map(Item::net).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
