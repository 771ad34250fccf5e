package sa.tenhal.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.shared.Language;

/** A patient's registered details, as the API and other modules see them. {@code version} is the ETag. */
public record PatientDetails(
        PatientId id,
        String mrn,
        String givenNameAr,
        String familyNameAr,
        String givenNameEn,
        String familyNameEn,
        LocalDate birthDate,
        Sex sex,
        String nationality,
        IdentityDocument identityDocument,
        String mobile,
        String email,
        Language preferredLanguage,
        Set<ContactChannel> channels,
        List<Guardian> guardians,
        List<Coverage> coverages,
        PatientStatus status,
        PatientId mergedInto,
        String archiveReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record IdentityDocument(IdentityDocumentType type, String number, String issuingCountry) {}

    public record Guardian(UUID id, String name, GuardianRelation relation, String phone, boolean primaryContact) {}

    /**
     * @param relationship the patient's relation to the policy's subscriber; {@code null} when not recorded (read as
     *     {@link SubscriberRelation#SELF})
     * @param subscriberMemberId the subscriber's member id when the patient is a dependant on someone else's policy
     */
    public record Coverage(
            UUID id,
            String payerId,
            String payerName,
            String memberId,
            String policyNumber,
            String planClass,
            LocalDate expiresOn,
            SubscriberRelation relationship,
            String subscriberMemberId) {

        public Coverage(
                UUID id,
                String payerId,
                String payerName,
                String memberId,
                String policyNumber,
                String planClass,
                LocalDate expiresOn) {
            this(id, payerId, payerName, memberId, policyNumber, planClass, expiresOn, null, null);
        }
    }

    /** The full name in a language, falling back to the other when the patient has none in it. */
    public String fullName(Language language) {
        String ar = join(givenNameAr, familyNameAr);
        String en = join(givenNameEn, familyNameEn);
        if (language == Language.AR) {
            return ar != null ? ar : en;
        }
        return en != null ? en : ar;
    }

    public String givenName(Language language) {
        if (language == Language.AR) {
            return givenNameAr != null ? givenNameAr : givenNameEn;
        }
        return givenNameEn != null ? givenNameEn : givenNameAr;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    private static String join(String given, String family) {
        if (given == null && family == null) {
            return null;
        }
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }
}
