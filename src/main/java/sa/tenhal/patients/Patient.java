package sa.tenhal.patients;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;
import sa.tenhal.shared.Language;

/**
 * A patient and what belongs to their registration: identity document, contacts, guardians, insurance coverage.
 * Status changes go through guarded methods that register the matching event; nothing is ever deleted.
 */
@Entity
@Table(name = "patient")
class Patient extends StoredRecord<Patient> {

    @Id
    private UUID id;

    @Version
    private long version;

    private String mrn;
    private String givenNameAr;
    private String familyNameAr;
    private String givenNameEn;
    private String familyNameEn;
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    private String nationality;

    @Enumerated(EnumType.STRING)
    private IdentityDocumentType idType;

    private String idNumber;
    private String idCountry;
    private String mobile;
    private String email;

    @Enumerated(EnumType.STRING)
    private Language preferredLanguage;

    @Convert(converter = ChannelsConverter.class)
    private Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "patient_id", nullable = false)
    @OrderBy("position")
    @org.hibernate.annotations.BatchSize(size = 100) // a day's desk loads its patients together
    private List<Guardian> guardians = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "patient_id", nullable = false)
    @OrderBy("position")
    @org.hibernate.annotations.BatchSize(size = 100)
    private List<Coverage> coverages = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private PatientStatus status;

    private UUID mergedInto;
    private String archiveReason;

    @Column(insertable = true, updatable = true)
    private String searchText;

    private Instant createdAt;
    private Instant updatedAt;

    protected Patient() {}

    Patient(String mrn, ValidPatient details, Instant now) {
        this.id = Ids.newId();
        this.mrn = mrn;
        this.status = PatientStatus.ACTIVE;
        this.createdAt = now;
        apply(details);
        this.updatedAt = now;
        registerEvent(new PatientRegistered(id(), now));
    }

    /** Replaces the details; registers {@link PatientUpdated} naming the fields that changed, if any did. */
    void update(ValidPatient details, Instant now) {
        requireStatus(PatientStatus.ACTIVE, "update");
        Map<String, Object> before = snapshot();
        apply(details);
        Map<String, Object> after = snapshot();
        Set<String> changed = new LinkedHashSet<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                changed.add(field);
            }
        });
        if (!changed.isEmpty()) {
            this.updatedAt = now;
            registerEvent(new PatientUpdated(id(), Set.copyOf(changed), now));
        }
    }

    void archive(String reason, Instant now) {
        requireStatus(PatientStatus.ACTIVE, "archive");
        this.status = PatientStatus.ARCHIVED;
        this.archiveReason = reason;
        this.updatedAt = now;
        registerEvent(new PatientArchived(id(), reason, now));
    }

    void restore(Instant now) {
        requireStatus(PatientStatus.ARCHIVED, "restore");
        this.status = PatientStatus.ACTIVE;
        this.archiveReason = null;
        this.updatedAt = now;
        registerEvent(new PatientRestored(id(), now));
    }

    /**
     * Absorbs a duplicate record of the same person: its guardians and coverages move here (those not already here),
     * blanks here are filled from it; the duplicate becomes MERGED and points here.
     */
    void absorb(Patient duplicate, Instant now) {
        requireStatus(PatientStatus.ACTIVE, "merge into");
        duplicate.requireStatus(PatientStatus.ACTIVE, "merge");
        Map<String, Object> before = snapshot();
        givenNameAr = firstNonNull(givenNameAr, duplicate.givenNameAr);
        familyNameAr = firstNonNull(familyNameAr, duplicate.familyNameAr);
        givenNameEn = firstNonNull(givenNameEn, duplicate.givenNameEn);
        familyNameEn = firstNonNull(familyNameEn, duplicate.familyNameEn);
        mobile = firstNonNull(mobile, duplicate.mobile);
        email = firstNonNull(email, duplicate.email);
        channels.addAll(duplicate.channels);
        // Guardians and coverages are copied, not moved: the merged record keeps its own history intact.
        Set<String> phones = guardians.stream().map(Guardian::phone).collect(Collectors.toSet());
        for (Guardian g : duplicate.guardians) {
            if (phones.add(g.phone())) {
                guardians.add(g.copyAsSecondary(guardians.size()));
            }
        }
        Set<String> members =
                coverages.stream().map(c -> c.payerId() + "/" + c.memberId()).collect(Collectors.toSet());
        for (Coverage c : duplicate.coverages) {
            if (members.add(c.payerId() + "/" + c.memberId())) {
                coverages.add(c.copy(coverages.size()));
            }
        }
        searchText = NameNormalizer.searchText(givenNameEn, familyNameEn, givenNameAr, familyNameAr);
        this.updatedAt = now;
        duplicate.status = PatientStatus.MERGED;
        duplicate.mergedInto = this.id;
        duplicate.archiveReason = "merged into " + mrn;
        duplicate.updatedAt = now;
        Map<String, Object> after = snapshot();
        Set<String> changed = new LinkedHashSet<>();
        before.forEach((field, value) -> {
            if (!Objects.equals(value, after.get(field))) {
                changed.add(field);
            }
        });
        registerEvent(new PatientsMerged(id(), duplicate.id(), now));
        if (!changed.isEmpty()) {
            registerEvent(new PatientUpdated(id(), Set.copyOf(changed), now));
        }
    }

    private void apply(ValidPatient d) {
        PatientForm f = d.form();
        this.givenNameAr = f.givenNameAr();
        this.familyNameAr = f.familyNameAr();
        this.givenNameEn = f.givenNameEn();
        this.familyNameEn = f.familyNameEn();
        this.birthDate = f.birthDate();
        this.sex = f.sex();
        this.nationality = f.nationality();
        this.idType = d.idType();
        this.idNumber = d.idNumber();
        this.idCountry = d.idCountry();
        this.mobile = d.mobile();
        this.email = f.email() == null ? null : f.email().toLowerCase(java.util.Locale.ROOT);
        this.preferredLanguage = f.preferredLanguage();
        this.channels = f.channels().isEmpty() ? EnumSet.noneOf(ContactChannel.class) : EnumSet.copyOf(f.channels());
        replaceGuardians(d.guardians());
        replaceCoverages(f.coverages());
        this.searchText = NameNormalizer.searchText(givenNameEn, familyNameEn, givenNameAr, familyNameAr);
    }

    /** Keeps guardians whose id is named (so consents still point to them), replaces the rest. */
    private void replaceGuardians(List<ValidPatient.ValidGuardian> wanted) {
        Map<UUID, Guardian> existing = guardians.stream().collect(Collectors.toMap(Guardian::id, Function.identity()));
        List<Guardian> next = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            ValidPatient.ValidGuardian w = wanted.get(i);
            Guardian g = w.id() != null && existing.containsKey(w.id()) ? existing.get(w.id()) : new Guardian();
            g.set(w.name(), w.relation(), w.phone(), w.primaryContact(), i);
            next.add(g);
        }
        guardians.retainAll(next);
        next.stream().filter(g -> !guardians.contains(g)).forEach(guardians::add);
        guardians.sort(java.util.Comparator.comparingInt(Guardian::position));
    }

    /** Adds an insurance coverage after the others (a new policy, the demo centre's insured children). */
    void addCoverage(PatientForm.CoverageForm form, Instant now) {
        Coverage c = new Coverage();
        c.set(form, coverages.size());
        coverages.add(c);
        registerEvent(new PatientUpdated(id(), Set.of("coverages"), now));
    }

    private void replaceCoverages(List<PatientForm.CoverageForm> wanted) {
        Map<UUID, Coverage> existing = coverages.stream().collect(Collectors.toMap(Coverage::id, Function.identity()));
        List<Coverage> next = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            PatientForm.CoverageForm w = wanted.get(i);
            Coverage c = w.id() != null && existing.containsKey(w.id()) ? existing.get(w.id()) : new Coverage();
            c.set(w, i);
            next.add(c);
        }
        coverages.retainAll(next);
        next.stream().filter(c -> !coverages.contains(c)).forEach(coverages::add);
        coverages.sort(java.util.Comparator.comparingInt(Coverage::position));
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> s = new java.util.HashMap<>();
        s.put("givenNameAr", givenNameAr);
        s.put("familyNameAr", familyNameAr);
        s.put("givenNameEn", givenNameEn);
        s.put("familyNameEn", familyNameEn);
        s.put("birthDate", birthDate);
        s.put("sex", sex);
        s.put("nationality", nationality);
        s.put("identityDocument", idType + "/" + idNumber + "/" + idCountry);
        s.put("mobile", mobile);
        s.put("email", email);
        s.put("preferredLanguage", preferredLanguage);
        s.put("channels", Set.copyOf(channels));
        s.put("guardians", guardians.stream().map(Guardian::fingerprint).toList());
        s.put("coverages", coverages.stream().map(Coverage::fingerprint).toList());
        return s;
    }

    private void requireStatus(PatientStatus required, String action) {
        if (status != required) {
            throw ConflictException.illegalTransition("patient", status, action);
        }
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    PatientId id() {
        return new PatientId(id);
    }

    long version() {
        return version;
    }

    PatientStatus status() {
        return status;
    }

    String mrn() {
        return mrn;
    }

    List<Guardian> guardians() {
        return List.copyOf(guardians);
    }

    LocalDate birthDate() {
        return birthDate;
    }

    PatientDetails details() {
        return new PatientDetails(
                id(),
                mrn,
                givenNameAr,
                familyNameAr,
                givenNameEn,
                familyNameEn,
                birthDate,
                sex,
                nationality,
                new PatientDetails.IdentityDocument(idType, idNumber, idCountry),
                mobile,
                email,
                preferredLanguage,
                Set.copyOf(channels),
                guardians.stream().map(Guardian::details).toList(),
                coverages.stream().map(Coverage::details).toList(),
                status,
                mergedInto == null ? null : new PatientId(mergedInto),
                archiveReason,
                createdAt,
                updatedAt,
                version);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
