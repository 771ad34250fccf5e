package sa.tenhal.appointments;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.CareTeams;
import sa.tenhal.patients.PatientContact;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.LinkTokens;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * The waitlist: patients wait for a service (with one provider or any, on preferred days and hours). When a slot
 * frees ({@link SlotFreed}), it is offered to the longest-waiting patient it suits and who can be booked then, by a
 * link valid for a while (2 h by default, never past the slot's start); the first claim books it, with the same
 * checks and database guarantees as any booking. An offer that lapses goes to the next patient.
 */
@Service
public class Waitlist {

    static final OneTimeJob<Void> EXPIRY = OneTimeJob.of("waitlist-offer-expiry", Void.class);

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);

    /** No offer for a slot starting sooner than this: nobody could make it. */
    static final Duration MIN_NOTICE = Duration.ofMinutes(30);

    private final WaitlistEntries entries;
    private final WaitlistOffers offers;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final Jobs jobs;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    // the checks of candidates run outside the offer's transaction: a candidate refused with an exception (archived
    // since, say) would otherwise mark the offer's transaction rollback-only, and the next candidate's offer with it
    private final TransactionTemplate outside;
    private final Duration validity;
    private final String baseUrl;
    private final LinkTokens tokens;
    private final CareTeams careTeams;

    Waitlist(
            WaitlistEntries entries,
            WaitlistOffers offers,
            Scheduling scheduling,
            ClinicCatalog catalog,
            PatientRegistry patients,
            Jobs jobs,
            ClinicTime time,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            @Value("${tenhal.waitlist.offer-validity:2h}") Duration validity,
            @Value("${tenhal.base-url}") String baseUrl,
            CareTeams careTeams) {
        this.careTeams = careTeams;
        this.entries = entries;
        this.offers = offers;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.patients = patients;
        this.jobs = jobs;
        this.time = time;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.validity = validity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tokens = new LinkTokens(jdbc, "waitlist_offer_token", "offer_id");
    }

    /** What a patient waits for; days default to Sunday–Thursday, hours to any. */
    public record Wish(
            PatientId patientId,
            ServiceId serviceId,
            ProviderId providerId,
            Set<DayOfWeek> days,
            LocalTime from,
            LocalTime to,
            LocalDate until,
            String notes) {}

    public WaitlistEntryDetails join(Wish wish) {
        List<FieldProblem> problems = new ArrayList<>();
        if (wish.patientId() == null) {
            problems.add(new FieldProblem("patientId", "is required"));
        }
        if (wish.serviceId() == null) {
            problems.add(new FieldProblem("serviceId", "is required"));
        }
        if (wish.from() != null && wish.to() != null && !wish.to().isAfter(wish.from())) {
            problems.add(new FieldProblem("to", "must be after from"));
        }
        if (wish.until() != null && wish.until().isBefore(time.today())) {
            problems.add(new FieldProblem("until", "must not be in the past"));
        }
        if (wish.notes() != null && wish.notes().length() > 300) {
            problems.add(new FieldProblem("notes", "at most 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        patients.find(wish.patientId()).orElseThrow(() -> new NotFoundException("Patient", wish.patientId()));
        ServiceDetails service = catalog.service(wish.serviceId());
        if (wish.providerId() != null && !catalog.provider(wish.providerId()).worksIn(service.clinicId())) {
            throw new InvalidFieldsException("providerId", "the provider does not work in the service's clinic");
        }
        Set<DayOfWeek> days = wish.days() == null || wish.days().isEmpty() ? Schedules.DEFAULT_WEEK : wish.days();
        return tx.execute(status -> {
            // the clinic the patient waits for looks after them already
            careTeams.join(wish.patientId(), service.clinicId().value(), CareTeams.Via.WAITLIST, time.now());
            return entries.save(new WaitlistEntry(
                            wish.patientId(),
                            service.clinicId(),
                            service.id(),
                            wish.providerId(),
                            days,
                            wish.from(),
                            wish.to(),
                            wish.until(),
                            wish.notes(),
                            Actor.currentUserId(),
                            time.now()))
                    .details();
        });
    }

    public List<WaitlistEntryDetails> entries(ClinicId clinic, PatientId patient) {
        return tx.execute(status ->
                entries
                        .search(clinic == null ? null : clinic.value(), patient == null ? null : patient.value())
                        .stream()
                        .map(WaitlistEntry::details)
                        .toList());
    }

    public WaitlistEntryDetails leave(UUID id) {
        return tx.execute(status -> {
            WaitlistEntry entry = entries.findById(id).orElseThrow(() -> new NotFoundException("Waitlist entry", id));
            entry.cancel(time.now());
            return entry.details();
        });
    }

    /**
     * Offers a freed slot to the longest-waiting patient it suits and who can be booked then; entries already offered
     * this slot are passed over. Returns the offer's id, if one was made.
     */
    Optional<UUID> offer(SlotFreed slot) {
        Instant now = time.now();
        if (slot.startsAt().isBefore(now.plus(MIN_NOTICE))) {
            return Optional.empty();
        }
        return tx.execute(status -> {
            Set<UUID> offeredBefore =
                    new HashSet<>(offers.entriesOfferedSlot(slot.providerId().value(), slot.startsAt()));
            for (WaitlistEntry entry : entries.waitingIn(slot.clinicId().value())) {
                if (offeredBefore.contains(entry.uuid())) {
                    continue;
                }
                ServiceDetails service = catalog.service(entry.serviceId());
                Instant end = slot.startsAt().plus(service.duration());
                if (!entry.suits(slot.providerId(), time.local(slot.startsAt()), time.local(end))) {
                    continue;
                }
                Scheduling.Check check;
                try {
                    check = outside.execute(s -> scheduling.check(new Booking(
                            entry.patientId(), service.id(), slot.providerId(), null, slot.startsAt(), null, null)));
                } catch (ProblemException e) {
                    continue; // e.g. the patient was archived since
                }
                if (!check.bookable()) {
                    continue;
                }
                Instant expires = now.plus(validity).isBefore(slot.startsAt()) ? now.plus(validity) : slot.startsAt();
                WaitlistOffer offer = offers.save(new WaitlistOffer(entry, slot, now, expires));
                entry.offered(now);
                jobs.schedule(EXPIRY, offer.uuid().toString(), expires, null);
                events.publishEvent(new WaitlistSlotOffered(
                        offer.uuid(),
                        entry.uuid(),
                        entry.patientId(),
                        slot.clinicId(),
                        slot.providerId(),
                        service.id(),
                        slot.startsAt(),
                        expires,
                        now));
                return Optional.of(offer.uuid());
            }
            return Optional.<UUID>empty();
        });
    }

    /** A link for the offer; call it when the message that carries it is sent, so the link exists only there. */
    public String mintLink(UUID offerId) {
        String token = tx.execute(status -> {
            if (!offers.existsById(offerId)) {
                throw new NotFoundException("Offer", offerId);
            }
            return tokens.issue(offerId, time.now());
        });
        return baseUrl + "/p/waitlist/" + token;
    }

    /** What the claim page shows: first name, clinic, provider, service, local date and time, nothing clinical. */
    public record OfferView(
            String state,
            String givenName,
            ClinicDetails clinic,
            ProviderDetails provider,
            ServiceDetails service,
            LocalDateTime startsAt,
            LocalDateTime expiresAt) {}

    /** The offer behind a link: OPEN, CLAIMED (by this link), or GONE (expired, taken, withdrawn); empty if unknown. */
    public Optional<OfferView> view(String token) {
        return tx.execute(
                status -> tokens.subjectOf(token).flatMap(offers::findById).map(this::view));
    }

    private OfferView view(WaitlistOffer offer) {
        String state =
                offer.status() == WaitlistOffer.Status.CLAIMED ? "CLAIMED" : offer.open(time.now()) ? "OPEN" : "GONE";
        String name = patients.contact(offer.patientId())
                .map(PatientContact::givenName)
                .orElse("");
        return new OfferView(
                state,
                name,
                catalog.clinic(offer.clinicId()),
                catalog.provider(offer.providerId()),
                catalog.service(offer.serviceId()),
                time.local(offer.startsAt()).toLocalDateTime(),
                time.local(offer.expiresAt()).toLocalDateTime());
    }

    /**
     * Claims the offer behind a link: books the slot for the patient unless someone was quicker. The offer is marked
     * claimed first (a conditional update under a row lock: a double click claims once), then booked like any booking; a refusal puts the
     * patient back in the queue. Returns the view after the claim.
     */
    public Optional<OfferView> claim(String token) {
        Optional<WaitlistOffer> claimed = tx.execute(status ->
                tokens.subjectOf(token).flatMap(offers::findById).filter(o -> offers.claim(o.uuid(), time.now()) == 1));
        if (claimed == null || claimed.isEmpty()) {
            return view(token);
        }
        WaitlistOffer offer = claimed.get();
        try {
            AppointmentDetails booked = scheduling.book(new Booking(
                    offer.patientId(), offer.serviceId(), offer.providerId(), null, offer.startsAt(), null, null));
            tx.executeWithoutResult(status -> {
                WaitlistOffer o = offers.findById(offer.uuid()).orElseThrow();
                o.booked(booked.id().value());
                entries.findById(o.entryId())
                        .ifPresent(e -> e.booked(booked.id().value(), time.now()));
                jobs.cancel(EXPIRY, o.uuid().toString());
            });
        } catch (ProblemException e) {
            log.info("Waitlist offer {} could not be booked: {}", offer.uuid(), e.getMessage());
            tx.executeWithoutResult(status -> {
                WaitlistOffer o = offers.findById(offer.uuid()).orElseThrow();
                o.close(WaitlistOffer.Status.TAKEN);
                entries.findById(o.entryId()).ifPresent(en -> en.waitAgain(time.now()));
                jobs.cancel(EXPIRY, o.uuid().toString());
            });
        }
        return view(token);
    }

    /** An offer not claimed in time lapses; the slot goes to the next patient. */
    void expire(UUID offerId) {
        SlotFreed again = tx.execute(status -> {
            WaitlistOffer offer = offers.findById(offerId).orElse(null);
            if (offer == null || offer.status() != WaitlistOffer.Status.PENDING) {
                return null;
            }
            if (time.now().isBefore(offer.expiresAt())) {
                return null; // moved on the clock meanwhile: its own job comes later
            }
            offer.close(WaitlistOffer.Status.EXPIRED);
            entries.findById(offer.entryId()).ifPresent(e -> e.waitAgain(time.now()));
            ServiceDetails service = catalog.service(offer.serviceId());
            return new SlotFreed(
                    offer.freedBy(),
                    offer.clinicId(),
                    offer.providerId(),
                    offer.serviceId(),
                    offer.startsAt(),
                    offer.startsAt().plus(service.duration()),
                    time.now());
        });
        if (again != null) {
            offer(again);
        }
    }
}
