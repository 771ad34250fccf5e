package sa.tenhal.patients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import sa.tenhal.platform.validation.Mobile;
import sa.tenhal.shared.Language;

/**
 * A patient's details as registered or replaced. Names are given in Arabic, in English, or both (at least one full
 * name). Rules that span fields (document against nationality, guardians for minors, a way to reach someone) are
 * checked by the registry, which names every broken field at once.
 *
 * @param nationality ISO 3166 two-letter country code, e.g. {@code SA}
 * @param mobile a mobile in any usual form (05…, 9665…, +9665…); stored in E.164
 * @param channels how the patient agrees to be reached; SMS and WhatsApp need a mobile (the patient's or the primary
 *     guardian's), email needs an email
 */
public record PatientForm(
        @Size(max = 60) String givenNameAr,
        @Size(max = 60) String familyNameAr,
        @Size(max = 60) String givenNameEn,
        @Size(max = 60) String familyNameEn,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotNull Sex sex,

        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code, e.g. SA")
        String nationality,

        @NotNull @Valid IdentityDocumentForm identityDocument,
        @Mobile String mobile,
        @Email @Size(max = 254) String email,
        Language preferredLanguage,
        Set<@NotNull ContactChannel> channels,
        List<@NotNull @Valid GuardianForm> guardians,
        List<@NotNull @Valid CoverageForm> coverages) {

    public PatientForm {
        preferredLanguage = preferredLanguage == null ? Language.AR : preferredLanguage;
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        coverages = coverages == null ? List.of() : List.copyOf(coverages);
        givenNameAr = blankToNull(givenNameAr);
        familyNameAr = blankToNull(familyNameAr);
        givenNameEn = blankToNull(givenNameEn);
        familyNameEn = blankToNull(familyNameEn);
        mobile = blankToNull(mobile);
        email = blankToNull(email);
    }

    /**
     * @param number the document number; Arabic-Indic digits are accepted
     * @param issuingCountry ISO code of the issuing country, required for passports
     */
    public record IdentityDocumentForm(
            @NotNull IdentityDocumentType type,
            @NotBlank @Size(max = 20) String number,

            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code")
            String issuingCountry) {}

    /**
     * @param id the guardian's id when replacing a patient's details (keeps consents pointing to them); null for new
     */
    public record GuardianForm(
            java.util.UUID id,
            @NotBlank @Size(max = 120) String name,
            @NotNull GuardianRelation relation,
            @NotBlank @Mobile String phone,
            boolean primaryContact) {}

    /**
     * Insurance coverage, kept for the NPHIES eligibility and claims work.
     *
     * @param payerId the insurer's NPHIES identifier
     * @param planClass the policy class, e.g. VIP, A, B, C
     * @param relationship the patient's relation to the policy's subscriber (none: self)
     * @param subscriberMemberId the subscriber's member id, when the patient is a dependant
     */
    public record CoverageForm(
            java.util.UUID id,
            @NotBlank @Size(max = 50) String payerId,
            @NotBlank @Size(max = 150) String payerName,
            @NotBlank @Size(max = 50) String memberId,
            @Size(max = 50) String policyNumber,
            @Size(max = 30) String planClass,
            LocalDate expiresOn,
            SubscriberRelation relationship,
            @Size(max = 50) String subscriberMemberId) {

        public CoverageForm(
                java.util.UUID id,
                String payerId,
                String payerName,
                String memberId,
                String policyNumber,
                String planClass,
                LocalDate expiresOn) {
            this(id, payerId, payerName, memberId, policyNumber, planClass, expiresOn, null, null);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
