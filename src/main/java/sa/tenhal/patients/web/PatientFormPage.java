package sa.tenhal.patients.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.GuardianRelation;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.Sex;
import sa.tenhal.shared.Language;

/**
 * The registration form as the page submits it: plain strings, so that whatever a clerk types comes back to them with
 * the error beside it. {@link #toForm} turns it into the {@link PatientForm} the registry validates.
 */
public class PatientFormPage {

    private String givenNameAr;
    private String familyNameAr;
    private String givenNameEn;
    private String familyNameEn;
    private String birthDate;
    private String sex;
    private String nationality = "SA";
    private String idType = "NATIONAL_ID";
    private String idNumber;
    private String idCountry;
    private String mobile;
    private String email;
    private String preferredLanguage = "AR";
    private List<String> channels = new ArrayList<>(List.of("SMS", "WHATSAPP"));
    private List<Guardian> guardians = new ArrayList<>(List.of(new Guardian(), new Guardian()));
    private Integer primaryGuardian = 0;
    private boolean acknowledgeDuplicates;
    private long version;
    private final transient List<Integer> guardianRows = new ArrayList<>();

    /** A guardian row; rows left empty are ignored. */
    public static class Guardian {
        private String id;
        private String name;
        private String relation;
        private String phone;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRelation() {
            return relation;
        }

        public void setRelation(String relation) {
            this.relation = relation;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        boolean isEmpty() {
            return blank(name) && blank(phone);
        }
    }

    static PatientFormPage of(PatientDetails d) {
        PatientFormPage page = new PatientFormPage();
        page.givenNameAr = d.givenNameAr();
        page.familyNameAr = d.familyNameAr();
        page.givenNameEn = d.givenNameEn();
        page.familyNameEn = d.familyNameEn();
        page.birthDate = d.birthDate().toString();
        page.sex = d.sex().name();
        page.nationality = d.nationality();
        page.idType = d.identityDocument().type().name();
        page.idNumber = d.identityDocument().number();
        page.idCountry = d.identityDocument().type() == IdentityDocumentType.PASSPORT
                ? d.identityDocument().issuingCountry()
                : null;
        page.mobile = d.mobile() == null ? null : d.mobile().replace("+966", "0");
        page.email = d.email();
        page.preferredLanguage = d.preferredLanguage().name();
        page.channels = new ArrayList<>(d.channels().stream().map(Enum::name).toList());
        page.guardians = new ArrayList<>();
        for (int i = 0; i < d.guardians().size(); i++) {
            var g = d.guardians().get(i);
            Guardian row = new Guardian();
            row.id = g.id().toString();
            row.name = g.name();
            row.relation = g.relation().name();
            row.phone = g.phone().replace("+966", "0");
            page.guardians.add(row);
            if (g.primaryContact()) {
                page.primaryGuardian = i;
            }
        }
        while (page.guardians.size() < 2) {
            page.guardians.add(new Guardian());
        }
        page.version = d.version();
        return page;
    }

    /** The registry's form, or null when a field could not even be read (the errors are then in {@code errors}). */
    PatientForm toForm(BindingResult errors) {
        LocalDate birth = null;
        if (!blank(birthDate)) {
            try {
                birth = LocalDate.parse(birthDate.strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue("birthDate", "typeMismatch");
            }
        }
        Set<ContactChannel> chosen = EnumSet.noneOf(ContactChannel.class);
        if (channels != null) {
            for (String c : channels) {
                ContactChannel channel = choice(ContactChannel.class, c, "channels", errors);
                if (channel != null) {
                    chosen.add(channel);
                }
            }
        }
        List<PatientForm.GuardianForm> rows = new ArrayList<>();
        guardianRows.clear();
        for (int i = 0; guardians != null && i < guardians.size(); i++) {
            Guardian g = guardians.get(i);
            if (g.isEmpty()) {
                continue;
            }
            rows.add(new PatientForm.GuardianForm(
                    guardianId(g.id, "guardians[" + i + "].id", errors),
                    g.name,
                    choice(GuardianRelation.class, g.relation, "guardians[" + i + "].relation", errors),
                    g.phone,
                    primaryGuardian != null && primaryGuardian == i));
            guardianRows.add(i);
        }
        Sex chosenSex = choice(Sex.class, sex, "sex", errors);
        IdentityDocumentType documentType = choice(IdentityDocumentType.class, idType, "idType", errors);
        Language language = choice(Language.class, preferredLanguage, "preferredLanguage", errors);
        if (errors.hasErrors()) {
            return null;
        }
        return new PatientForm(
                givenNameAr,
                familyNameAr,
                givenNameEn,
                familyNameEn,
                birth,
                chosenSex,
                blank(nationality) ? null : nationality,
                new PatientForm.IdentityDocumentForm(documentType, idNumber, blank(idCountry) ? null : idCountry),
                mobile,
                email,
                language,
                chosen,
                rows,
                List.of());
    }

    /** Where a field of {@link PatientForm} appears on this page (guardian rows skip the empty ones). */
    String pageField(String formField) {
        java.util.regex.Matcher row =
                java.util.regex.Pattern.compile("guardians\\[(\\d+)](.*)").matcher(formField);
        if (row.matches()) {
            int k = Integer.parseInt(row.group(1));
            return "guardians[" + (k < guardianRows.size() ? guardianRows.get(k) : k) + "]" + row.group(2);
        }
        return switch (formField) {
            case "identityDocument.number" -> "idNumber";
            case "identityDocument.type" -> "idType";
            case "identityDocument.issuingCountry" -> "idCountry";
            case "identityDocument" -> "idNumber";
            default -> formField;
        };
    }

    /** One of a fixed list of choices; a value the page never offered is an error on that field, not a crash. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    /** A guardian's id as the form carries it (hidden); anything but an id is a typing mistake, not a 500. */
    private static UUID guardianId(String value, String field, BindingResult errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "typeMismatch");
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // accessors for binding

    public String getGivenNameAr() {
        return givenNameAr;
    }

    public void setGivenNameAr(String v) {
        givenNameAr = v;
    }

    public String getFamilyNameAr() {
        return familyNameAr;
    }

    public void setFamilyNameAr(String v) {
        familyNameAr = v;
    }

    public String getGivenNameEn() {
        return givenNameEn;
    }

    public void setGivenNameEn(String v) {
        givenNameEn = v;
    }

    public String getFamilyNameEn() {
        return familyNameEn;
    }

    public void setFamilyNameEn(String v) {
        familyNameEn = v;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String v) {
        birthDate = v;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String v) {
        sex = v;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String v) {
        nationality = v;
    }

    public String getIdType() {
        return idType;
    }

    public void setIdType(String v) {
        idType = v;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String v) {
        idNumber = v;
    }

    public String getIdCountry() {
        return idCountry;
    }

    public void setIdCountry(String v) {
        idCountry = v;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String v) {
        mobile = v;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String v) {
        email = v;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String v) {
        preferredLanguage = v;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> v) {
        channels = v;
    }

    public List<Guardian> getGuardians() {
        return guardians;
    }

    public void setGuardians(List<Guardian> v) {
        guardians = v;
    }

    public Integer getPrimaryGuardian() {
        return primaryGuardian;
    }

    public void setPrimaryGuardian(Integer v) {
        primaryGuardian = v;
    }

    public boolean isAcknowledgeDuplicates() {
        return acknowledgeDuplicates;
    }

    public void setAcknowledgeDuplicates(boolean v) {
        acknowledgeDuplicates = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long v) {
        version = v;
    }
}
