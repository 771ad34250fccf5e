package sa.tenhal.patients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.Versions;

/**
 * The seed's PatientService: register (with duplicate protection), update, archive, restore, merge, find and search.
 * Every change registers its event; every read of one patient's record publishes {@link PatientRecordViewed}.
 */
@Service
@Transactional
public class PatientRegistry {

    private final Patients patients;
    private final PatientFacts facts;
    private final PatientRules rules;
    private final PatientSearch search;
    private final PatientFiles files;
    private final Consents consents;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate separateRead;
    private final PatientAccess access;
    private final CareTeams careTeams;
    private final PatientReads reads;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final List<MergeObstacles> obstacles;

    PatientRegistry(
            Patients patients,
            PatientFacts facts,
            PatientRules rules,
            PatientSearch search,
            PatientFiles files,
            Consents consents,
            ClinicTime time,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            PatientAccess access,
            CareTeams careTeams,
            PatientReads reads,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            List<MergeObstacles> obstacles) {
        this.obstacles = obstacles;
        this.access = access;
        this.careTeams = careTeams;
        this.reads = reads;
        this.jdbc = jdbc;
        this.patients = patients;
        this.facts = facts;
        this.rules = rules;
        this.search = search;
        this.files = files;
        this.consents = consents;
        this.time = time;
        this.events = events;
        this.separateRead = new TransactionTemplate(transactions);
        this.separateRead.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.separateRead.setReadOnly(true);
    }

    /**
     * Registers a patient and opens their file at the centre.
     *
     * <ul>
     *   <li>The same identity document as a live patient: 409 {@code duplicate-patient} naming that patient.
     *   <li>The same name and birth date, or the same mobile, as an active patient: 409 {@code possible-duplicates}
     *       listing them, unless {@code acknowledgeDuplicates} says the clerk checked and this is someone else.
     * </ul>
     */
    public PatientDetails register(PatientForm form, boolean acknowledgeDuplicates, String centreCode) {
        ValidPatient valid = rules.check(form);
        patients.findLiveByIdentity(valid.idType(), valid.idNumber()).ifPresent(existing -> {
            throw duplicateIdentity(existing.id(), existing.mrn());
        });
        if (!acknowledgeDuplicates) {
            List<DuplicateCandidate> candidates = possibleDuplicates(valid);
            if (!candidates.isEmpty()) {
                throw (ConflictException) new ConflictException(
                                "possible-duplicates",
                                "Possible duplicate",
                                candidates.size() + " registered patient(s) look like this one; check them, then send"
                                        + " acknowledgeDuplicates=true if this is someone else")
                        .with("candidates", candidates);
            }
        }
        Patient patient = new Patient(String.valueOf(patients.nextMrn()), valid, time.now());
        try {
            patient = patients.saveAndFlush(patient);
        } catch (DataIntegrityViolationException raced) {
            // Another clerk registered the same document a moment ago; name their record.
            Optional<Patient> winner =
                    separateRead.execute(status -> patients.findLiveByIdentity(valid.idType(), valid.idNumber()));
            throw winner.map(w -> duplicateIdentity(w.id(), w.mrn())).orElseThrow(() -> raced);
        }
        files.open(patient.id(), centreCode);
        if (!access.seesEveryone(PatientData.IDENTITY)) {
            // a clinician who registers a walk-in looks after them: their clinics join the care team
            for (java.util.UUID clinic : access.actingClinics()) {
                careTeams.join(patient.id(), clinic, CareTeams.Via.REGISTRATION, time.now());
            }
        }
        return access.sight(patient.id()).redact(patient.details());
    }

    /** Replaces a patient's details, on the version the caller read (412 if it moved on). */
    public PatientDetails update(PatientId id, long expectedVersion, PatientForm form) {
        Patient patient = load(id);
        PatientSight sight = access.sight(id);
        sight.require(PatientData.IDENTITY);
        sight.require(PatientData.CONTACT);
        sight.require(PatientData.GUARDIANS);
        Versions.check("patient", expectedVersion, patient.version());
        ValidPatient valid = rules.check(form);
        patients.findLiveByIdentity(valid.idType(), valid.idNumber())
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw duplicateIdentity(other.id(), other.mrn());
                });
        patient.update(valid, time.now());
        try {
            return patients.saveAndFlush(patient).details();
        } catch (DataIntegrityViolationException raced) {
            throw new ConflictException(
                    "duplicate-patient", "Duplicate patient", "Another patient has this identity document");
        }
    }

    /** Adds an insurance coverage to a patient (IDENTITY reach: coverage is identity data, docs/security.md). */
    public PatientDetails addCoverage(PatientId id, PatientForm.CoverageForm coverage) {
        Patient patient = load(id);
        access.sight(id).require(PatientData.IDENTITY);
        patient.addCoverage(coverage, time.now());
        return patients.saveAndFlush(patient).details();
    }

    public PatientDetails archive(PatientId id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldsException("reason", "must not be blank");
        }
        Patient patient = load(id);
        patient.archive(reason.strip(), time.now());
        return patients.saveAndFlush(patient).details();
    }

    public PatientDetails restore(PatientId id) {
        Patient patient = load(id);
        patient.restore(time.now());
        try {
            return patients.saveAndFlush(patient).details();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "duplicate-patient",
                    "Duplicate patient",
                    "A live patient has the same identity document; merge the two instead");
        }
    }

    /**
     * Merges a duplicate into the survivor: the survivor keeps every reference (files and consents move to it; other
     * modules re-point theirs on {@link PatientsMerged}: appointments, referrals, invoices, payments and so credit,
     * packages); the duplicate is MERGED and points to the survivor. What cannot be kept together (two visits at the
     * same time) is listed first, 409 {@code merge-obstacles}, and nothing changes until staff decide.
     */
    public PatientDetails merge(PatientId survivorId, PatientId duplicateId) {
        if (survivorId.equals(duplicateId)) {
            throw new InvalidFieldsException("mergedPatientId", "cannot merge a patient into itself");
        }
        List<MergeObstacles.Obstacle> found = obstacles.stream()
                .flatMap(o -> o.between(survivorId, duplicateId).stream())
                .toList();
        if (!found.isEmpty()) {
            ConflictException e = new ConflictException(
                    "merge-obstacles",
                    "The two records cannot be merged as they are",
                    found.size() + " visit(s) of the two records overlap; cancel or move one of each pair, then merge");
            e.with("obstacles", found);
            throw e;
        }
        // Lock both in id order, so that two merges of the same pair cannot deadlock.
        Patient first = lock(survivorId.value().compareTo(duplicateId.value()) < 0 ? survivorId : duplicateId);
        Patient second = lock(first.id().equals(survivorId) ? duplicateId : survivorId);
        Patient survivor = first.id().equals(survivorId) ? first : second;
        Patient duplicate = survivor == first ? second : first;
        survivor.absorb(duplicate, time.now());
        patients.save(duplicate);
        Patient saved = patients.saveAndFlush(survivor);
        files.moveAll(duplicate.id(), survivor.id());
        consents.moveAll(duplicate.id(), survivor.id());
        careTeams.moveAll(duplicate.id(), survivor.id());
        return saved.details();
    }

    /**
     * A patient's details for display, as far as the signed-in user may see them (403 outside a clinician's care
     * team, see {@link PatientAccess}); audited as a read of the record.
     */
    public PatientDetails view(PatientId id) {
        Patient patient = load(id);
        PatientSight sight = access.sight(id);
        sight.require(PatientData.IDENTITY);
        events.publishEvent(new PatientRecordViewed(id, "details", time.now()));
        return sight.redact(patient.details());
    }

    /** A patient's details for another module's work (not a person viewing them, so not audited as a read). */
    @Transactional(readOnly = true)
    public Optional<PatientDetails> find(PatientId id) {
        return patients.findById(id.value()).map(Patient::details);
    }

    /** Several patients' details at once, for another module's work (one query, not one per patient). */
    @Transactional(readOnly = true)
    public Map<PatientId, PatientDetails> findAll(java.util.Collection<PatientId> ids) {
        Map<PatientId, PatientDetails> found = new java.util.HashMap<>();
        patients.findAllById(ids.stream().map(PatientId::value).distinct().toList())
                .forEach(p -> found.put(p.id(), p.details()));
        return found;
    }

    /** A patient's status; empty if there is no such patient. */
    @Transactional(readOnly = true)
    public Optional<PatientStatus> status(PatientId id) {
        return facts.status(id.value());
    }

    /** A patient's status and whether they have a coverage on file, in one query; empty if there is no such patient. */
    @Transactional(readOnly = true)
    public Optional<PatientStanding> standing(PatientId id) {
        return facts.standing(id.value());
    }

    /**
     * A patient's insurance coverages in their order, read alone (a hot read: whether a booking needs the payer's
     * authorisation is asked of every booking); empty for an uninsured or unknown patient.
     */
    @Transactional(readOnly = true)
    public List<PatientDetails.Coverage> coverages(PatientId id) {
        return facts.coverages(id.value());
    }

    /** How to reach a patient for notifications; empty if they cannot be found. */
    @Transactional(readOnly = true)
    public Optional<PatientContact> contact(PatientId id) {
        return facts.contact(id.value());
    }

    /**
     * The number a text to the patient goes to, the {@link PatientContact#mobile()} (their own, else the primary
     * guardian's), without loading the record; empty when there is none or no such patient.
     */
    @Transactional(readOnly = true)
    public Optional<String> mobile(PatientId id) {
        return facts.mobile(id.value());
    }

    /**
     * Patients by status, one page: only those the signed-in user may see, as far as they may see them; the read is
     * audited with every patient it returned.
     */
    public Page<PatientDetails> list(PatientStatus status, Pageable page) {
        PatientAccess.Scope scope = access.scope(PatientData.IDENTITY);
        Page<Patient> found = scope.everyone() ? patients.findByStatus(status, page) : listInScope(status, scope, page);
        Page<PatientDetails> shown = found.map(p -> access.inScope(p.id()).redact(p.details()));
        reads.listed(
                "Patient",
                "patients:list",
                shown.getContent().stream().map(d -> d.id().value()).toList());
        return shown;
    }

    /** A page of patients narrowed by a care-team scope (SQL, since the scope is a condition JPQL cannot state). */
    private Page<Patient> listInScope(PatientStatus status, PatientAccess.Scope scope, Pageable page) {
        StringBuilder order = new StringBuilder();
        for (var o : page.getSort()) {
            order.append(SNAKE.matcher(o.getProperty()).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT))
                    .append(o.isAscending() ? " asc" : " desc")
                    .append(", ");
        }
        String where = " from patient p where p.status = :status and " + scope.condition("p.id");
        long total = scope.bind(jdbc.sql("select count(*)" + where))
                .param("status", status.name())
                .query(Long.class)
                .single();
        List<java.util.UUID> ids = scope.bind(jdbc.sql(
                        "select p.id" + where + " order by " + order + "p.id" + " offset :offset limit :limit"))
                .param("status", status.name())
                .param("offset", page.getOffset())
                .param("limit", page.getPageSize())
                .query(java.util.UUID.class)
                .list();
        Map<java.util.UUID, Patient> byId = new java.util.HashMap<>();
        patients.findAllById(ids).forEach(p -> byId.put(p.id().value(), p));
        List<Patient> ordered = ids.stream().map(byId::get).toList();
        return new org.springframework.data.domain.PageImpl<>(ordered, page, total);
    }

    private static final java.util.regex.Pattern SNAKE = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

    @Transactional(readOnly = true)
    public long activeCount() {
        return patients.countByStatus(PatientStatus.ACTIVE);
    }

    /** New patients: records created from {@code from} (inclusive) to {@code to} (exclusive), for the dashboards. */
    @Transactional(readOnly = true)
    public long registeredBetween(java.time.Instant from, java.time.Instant to) {
        return patients.countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(from, to);
    }

    /**
     * The patients a search found, as the patient list shows them (one shape for both: {@link PatientDetails}, as far
     * as the reader may see them), in the search's order.
     */
    @Transactional(readOnly = true)
    public List<PatientDetails> detailsOf(List<PatientSearchHit> hits) {
        Map<java.util.UUID, Patient> byId = new java.util.HashMap<>();
        patients.findAllById(hits.stream().map(h -> h.id().value()).toList()).forEach(p -> byId.put(p.id().value(), p));
        return hits.stream()
                .map(h -> byId.get(h.id().value()))
                .filter(java.util.Objects::nonNull)
                .map(p -> access.inScope(p.id()).redact(p.details()))
                .toList();
    }

    /** Results for a search, one page; {@code hasMore} says whether another page follows. */
    public record SearchPage(List<PatientSearchHit> content, int page, int size, boolean hasMore) {}

    /**
     * What the registration rules say about a form, without registering it: pages show these together with the
     * field validation's problems, so that a clerk corrects everything in one go.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(PatientForm form) {
        try {
            rules.check(form);
            return List.of();
        } catch (InvalidFieldsException e) {
            return e.errors();
        }
    }

    /**
     * Active patients matching what was typed, one page: only those the signed-in user may see (a clinician's care
     * team), without the contact a role may not see; audited with every patient it returned.
     */
    public SearchPage search(String text, String name, String phone, String mrn, String identity, int page, int size) {
        if (isBlank(text) && isBlank(name) && isBlank(phone) && isBlank(mrn) && isBlank(identity)) {
            throw new InvalidFieldsException(
                    "q", "give something to search for: a name, phone, record or identity number");
        }
        var query = new PatientSearch.Query(
                blankToNull(text), blankToNull(name), blankToNull(phone), blankToNull(mrn), blankToNull(identity));
        List<PatientSearchHit> hits = search.find(query, access.scope(PatientData.IDENTITY), page * size, size);
        boolean more = hits.size() > size;
        List<PatientSearchHit> shown = (more ? hits.subList(0, size) : hits)
                .stream()
                        .map(hit -> access.inScope(hit.id()).sees(PatientData.CONTACT) ? hit : hit.withoutContact())
                        .toList();
        reads.listed(
                "Patient",
                "patients:search",
                shown.stream().map(h -> h.id().value()).toList());
        return new SearchPage(shown, page, size, more);
    }

    private List<DuplicateCandidate> possibleDuplicates(ValidPatient valid) {
        Map<PatientId, DuplicateCandidate> found = new LinkedHashMap<>();
        PatientForm f = valid.form();
        String en = NameNormalizer.normalize(join(f.givenNameEn(), f.familyNameEn()));
        String ar = NameNormalizer.normalize(join(f.givenNameAr(), f.familyNameAr()));
        for (Patient p : patients.findByBirthDateAndStatus(f.birthDate(), PatientStatus.ACTIVE)) {
            PatientDetails d = p.details();
            boolean sameEn =
                    !en.isEmpty() && en.equals(NameNormalizer.normalize(join(d.givenNameEn(), d.familyNameEn())));
            boolean sameAr =
                    !ar.isEmpty() && ar.equals(NameNormalizer.normalize(join(d.givenNameAr(), d.familyNameAr())));
            if (sameEn || sameAr) {
                found.put(d.id(), candidate(d, DuplicateCandidate.Reason.SAME_NAME_AND_BIRTH_DATE));
            }
        }
        if (valid.mobile() != null) {
            for (Patient p : patients.findByMobileAndStatus(valid.mobile(), PatientStatus.ACTIVE)) {
                found.putIfAbsent(p.id(), candidate(p.details(), DuplicateCandidate.Reason.SAME_MOBILE));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static DuplicateCandidate candidate(PatientDetails d, DuplicateCandidate.Reason reason) {
        return new DuplicateCandidate(
                d.id(),
                d.mrn(),
                d.fullName(sa.tenhal.shared.Language.EN),
                d.fullName(sa.tenhal.shared.Language.AR),
                d.birthDate(),
                reason);
    }

    private Patient load(PatientId id) {
        return patients.findById(id.value()).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    private Patient lock(PatientId id) {
        return patients.findForUpdate(id.value()).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    private static ConflictException duplicateIdentity(PatientId existing, String mrn) {
        return (ConflictException) new ConflictException(
                        "duplicate-patient",
                        "Duplicate patient",
                        "A patient with this identity document is registered: record " + mrn)
                .with("existingPatientId", existing.value())
                .with("existingMrn", mrn)
                .with("field", "identityDocument.number");
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + " " + (b == null ? "" : b);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }
}
