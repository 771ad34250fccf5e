package sa.tenhal.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.CareTeams;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;

/**
 * The seed's ReferralService: create, accept, reject, complete and cancel referrals. Every change publishes its event
 * (the receiving or sending clinic is told, the audit trail records it) in the same transaction.
 */
@Service
@Transactional
public class Referrals {

    private final ReferralRepository referrals;
    private final PatientRegistry patients;
    private final ClinicCatalog catalog;
    private final ServiceLevels serviceLevels;
    private final ClinicTime time;
    private final Scheduling scheduling;
    private final PatientAccess access;
    private final CareTeams careTeams;
    private final PatientReads reads;

    Referrals(
            ReferralRepository referrals,
            PatientRegistry patients,
            ClinicCatalog catalog,
            ServiceLevels serviceLevels,
            ClinicTime time,
            Scheduling scheduling,
            PatientAccess access,
            CareTeams careTeams,
            PatientReads reads) {
        this.scheduling = scheduling;
        this.access = access;
        this.careTeams = careTeams;
        this.reads = reads;
        this.referrals = referrals;
        this.patients = patients;
        this.catalog = catalog;
        this.serviceLevels = serviceLevels;
        this.time = time;
    }

    /** Refused for an archived patient, or one who already has an open referral to that clinic (409). */
    public ReferralDetails create(ReferralForm form) {
        return create(form, Actor.currentUserId(), null, null);
    }

    ReferralDetails create(ReferralForm form, UUID createdBy, UUID ruleId, String triggerKey) {
        List<FieldProblem> problems = new ArrayList<>();
        PatientDetails patient = patients.find(new PatientId(form.patientId())).orElse(null);
        if (patient == null) {
            problems.add(new FieldProblem("patientId", "no such patient"));
        }
        ClinicDetails from = clinic(form.fromClinicId(), "fromClinicId", problems);
        if (form.fromProviderId() != null) {
            Optional<ProviderDetails> provider = findProvider(form.fromProviderId());
            if (provider.isEmpty()) {
                problems.add(new FieldProblem("fromProviderId", "no such provider"));
            } else if (from != null && !provider.get().worksIn(from.id())) {
                problems.add(new FieldProblem("fromProviderId", "does not work in the sending clinic"));
            }
        }
        boolean external =
                form.externalFacility() != null && !form.externalFacility().isBlank();
        if ((form.toClinicId() == null) == !external) {
            problems.add(new FieldProblem("toClinicId", "name either a clinic of the centre or an outside facility"));
        } else if (form.toClinicId() != null) {
            ClinicDetails to = clinic(form.toClinicId(), "toClinicId", problems);
            if (to != null && form.toClinicId().equals(form.fromClinicId())) {
                problems.add(new FieldProblem("toClinicId", "must differ from the sending clinic"));
            } else if (to != null && from != null && !to.centreCode().equals(from.centreCode())) {
                problems.add(new FieldProblem("toClinicId", "is not a clinic of the sending clinic's centre"));
            } else if (to != null && !to.active()) {
                problems.add(new FieldProblem("toClinicId", "the clinic is not active"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        // a clinician refers only a patient they look after (or broke the glass for)
        access.require(PatientData.IDENTITY, patient.id());
        if (patient.status() != PatientStatus.ACTIVE) {
            throw ConflictException.illegalTransition("patient", patient.status(), "refer");
        }
        if (form.toClinicId() != null) {
            referrals.findOpen(form.patientId(), form.toClinicId()).ifPresent(open -> {
                throw openReferral(open);
            });
        }
        Instant now = time.now();
        Referral referral =
                new Referral(form, now, serviceLevels.respondBy(now, form.urgency()), createdBy, ruleId, triggerKey);
        try {
            ReferralDetails created = referrals.saveAndFlush(referral).details(now);
            // the receiving clinic looks after the patient from now on, and so does the one that referred them
            careTeams.join(patient.id(), form.fromClinicId(), CareTeams.Via.REFERRAL, now);
            if (form.toClinicId() != null) {
                careTeams.join(patient.id(), form.toClinicId(), CareTeams.Via.REFERRAL, now);
            }
            return created;
        } catch (DataIntegrityViolationException raced) {
            // Two people referred the same patient to the same clinic at once: the index let one through.
            throw new ConflictException(
                    "open-referral", "Already referred", "The patient already has an open referral to this clinic");
        }
    }

    /** The receiving clinic accepts; the sending clinic and provider are told. */
    public ReferralDetails accept(UUID id) {
        return accept(id, null);
    }

    /**
     * Accepts and, when {@code first} is given, books the patient's first appointment in the receiving clinic in the
     * same transaction: both happen or neither (a taken slot leaves the referral pending, with the conflicts listed).
     */
    public ReferralDetails accept(UUID id, FirstAppointment first) {
        Referral referral = load(id);
        requireReceivingStaff(referral);
        referral.accept(Actor.currentUserId(), time.now());
        if (first != null) {
            ServiceDetails service;
            try {
                service = catalog.service(new ServiceId(first.serviceId()));
            } catch (NotFoundException e) {
                throw new InvalidFieldsException("appointment.serviceId", "no such service");
            }
            if (!service.clinicId().value().equals(referral.toClinicId())) {
                throw new InvalidFieldsException("appointment.serviceId", "is not a service of the receiving clinic");
            }
            AppointmentDetails booked = scheduling.book(new Booking(
                    referral.patient(),
                    service.id(),
                    new ProviderId(first.providerId()),
                    first.roomId() == null ? null : new RoomId(first.roomId()),
                    first.startsAt(),
                    first.notes(),
                    null));
            referral.linkFirstAppointment(booked.id().value());
        }
        return save(referral);
    }

    public ReferralDetails reject(UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidFieldsException("reason", "give a reason of at most 1000 characters");
        }
        Referral referral = load(id);
        requireReceivingStaff(referral);
        referral.reject(Actor.currentUserId(), reason.strip(), time.now());
        return save(referral);
    }

    public ReferralDetails complete(UUID id) {
        Referral referral = load(id);
        access.require(PatientData.APPOINTMENTS, referral.patient());
        referral.complete(time.now(), false);
        return save(referral);
    }

    public ReferralDetails cancel(UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidFieldsException("reason", "give a reason of at most 1000 characters");
        }
        Referral referral = load(id);
        access.require(PatientData.APPOINTMENTS, referral.patient());
        referral.cancel(reason.strip(), time.now());
        return save(referral);
    }

    /**
     * One referral for a person to read: 403 outside a clinician's care team; the reasons only for those who may read
     * them (docs/security.md). Audited as a read.
     */
    public ReferralDetails find(UUID id) {
        ReferralDetails referral = load(id).details(time.now());
        PatientSight sight = access.sight(new PatientId(referral.patientId()));
        sight.require(PatientData.APPOINTMENTS);
        reads.viewed("Referral", referral.id(), referral.patientId(), "referral");
        return sight.sees(PatientData.REFERRAL_REASONS) ? referral : referral.withoutReasons();
    }

    /**
     * Referrals for a person to read, as far as they may see them: a referral of a patient outside a clinician's care
     * team shows no patient, and reasons only reach those who may read them. Not audited here: the caller records
     * the read of what it shows ({@link #shown}).
     */
    @Transactional(readOnly = true)
    public Page<ReferralDetails> search(
            ReferralStatus status, UUID patientId, UUID fromClinicId, UUID toClinicId, Pageable page) {
        Instant now = time.now();
        return shown(referrals
                .search(status, patientId, fromClinicId, toClinicId, page)
                .map(r -> r.details(now)));
    }

    /** Referrals as far as the signed-in user may see them (see {@link #search}). */
    public java.util.function.Function<ReferralDetails, ReferralDetails> sightOf(
            java.util.Collection<ReferralDetails> shown) {
        List<UUID> patients = shown.stream().map(ReferralDetails::patientId).toList();
        java.util.Set<UUID> visible = access.visible(PatientData.APPOINTMENTS, patients);
        java.util.Set<UUID> reasons = access.visible(PatientData.REFERRAL_REASONS, patients);
        return r -> !visible.contains(r.patientId())
                ? r.withoutPatient()
                : reasons.contains(r.patientId()) ? r : r.withoutReasons();
    }

    private Page<ReferralDetails> shown(Page<ReferralDetails> page) {
        return page.map(sightOf(page.getContent()));
    }

    /** Referrals to (incoming) or from (outgoing) any of these clinics, for a clinic's own list. */
    @Transactional(readOnly = true)
    public Page<ReferralDetails> ofClinics(
            java.util.Collection<UUID> clinics, boolean incoming, ReferralStatus status, Pageable page) {
        Instant now = time.now();
        if (clinics.isEmpty()) {
            return Page.empty(page);
        }
        return shown((incoming ? referrals.incoming(clinics, status, page) : referrals.outgoing(clinics, status, page))
                .map(r -> r.details(now)));
    }

    /** Reception, managers and admins act for every clinic; providers and nurses for the clinics they work in. */
    public static boolean answersForEveryClinic() {
        var roles = Actor.roles();
        return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_MANAGER") || roles.contains("ROLE_RECEPTIONIST");
    }

    /** Whether the signed-in user may accept or reject this referral (the receiving clinic's staff). */
    public boolean mayAnswer(ReferralDetails referral) {
        try {
            requireReceivingStaff(referral.toClinicId());
            return referral.status() == ReferralStatus.PENDING && referral.toClinicId() != null;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** A patient's referrals, newest first, for the work of the system (not shown to a person as they are). */
    @Transactional(readOnly = true)
    public List<ReferralDetails> ofPatient(PatientId patient) {
        Instant now = time.now();
        return referrals.findByPatientIdOrderByCreatedAtDescIdDesc(patient.value()).stream()
                .map(r -> r.details(now))
                .toList();
    }

    Referral load(UUID id) {
        return referrals.findById(id).orElseThrow(() -> new NotFoundException("Referral", id));
    }

    ReferralDetails save(Referral referral) {
        return referrals.saveAndFlush(referral).details(time.now());
    }

    static ConflictException openReferral(Referral open) {
        ConflictException e = new ConflictException(
                "open-referral", "Already referred", "The patient already has an open referral to this clinic");
        e.with("referralId", open.id().toString());
        e.with("currentStatus", open.status().name());
        return e;
    }

    /**
     * Reception, managers and admins decide for any clinic; a provider or nurse only for a clinic they work in — the
     * receiving clinic's own staff answer its referrals.
     */
    private void requireReceivingStaff(Referral referral) {
        requireReceivingStaff(referral.toClinicId());
    }

    private void requireReceivingStaff(UUID toClinicId) {
        if (Actor.current().isEmpty() || answersForEveryClinic()) {
            return; // the system (a job, a listener), or the desk and management
        }
        UUID user = Actor.currentUserId();
        boolean worksThere = user != null
                && toClinicId != null
                && catalog.providerOf(new UserId(user))
                        .map(p -> p.worksIn(new ClinicId(toClinicId)))
                        .orElse(false);
        if (!worksThere) {
            throw new AccessDeniedException("Only the receiving clinic's staff answer this referral");
        }
    }

    private ClinicDetails clinic(UUID id, String field, List<FieldProblem> problems) {
        try {
            return catalog.clinic(new ClinicId(id));
        } catch (NotFoundException e) {
            problems.add(new FieldProblem(field, "no such clinic"));
            return null;
        }
    }

    private Optional<ProviderDetails> findProvider(UUID id) {
        try {
            return Optional.of(catalog.provider(new ProviderId(id)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
