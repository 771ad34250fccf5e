package sa.tenhal.appointments.confirmation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * The seed's ConfirmationService: create a request, send it and its reminders (at most 3), find it by a link's token,
 * confirm, decline, list the pending, expire the old — plus replies by text, confirmations recorded by staff and the
 * KPI. Confirming confirms the appointment ({@link Scheduling#confirm}); declining cancels it with the reason
 * {@code declined by patient: …} ({@link Scheduling#cancel}), which frees the slot.
 */
@Service
@Transactional
public class Confirmations {

    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

    /** The prefix of the cancellation reason of a declined appointment. */
    public static final String DECLINED_REASON = "declined by patient";

    private final ConfirmationRepository confirmations;
    private final ConfirmationTokens tokens;
    private final Scheduling scheduling;
    private final PatientRegistry patients;
    private final Visits visits;
    private final ConfirmationProperties properties;
    private final ClinicTime time;
    private final JdbcClient jdbc;
    private final String baseUrl;

    private final PatientAccess access;
    private final sa.tenhal.appointments.Availability availability;

    /** The reason recorded with a move the patient made from the link. */
    public static final String MOVED_REASON = "moved by the patient from the link";

    /** At most this many other times are offered on the link's page. */
    static final int MOVE_CHOICES = 12;

    Confirmations(
            ConfirmationRepository confirmations,
            ConfirmationTokens tokens,
            Scheduling scheduling,
            PatientRegistry patients,
            Visits visits,
            ConfirmationProperties properties,
            ClinicTime time,
            JdbcClient jdbc,
            @Value("${tenhal.base-url}") String baseUrl,
            PatientAccess access,
            sa.tenhal.appointments.Availability availability) {
        this.access = access;
        this.availability = availability;
        this.confirmations = confirmations;
        this.tokens = tokens;
        this.scheduling = scheduling;
        this.patients = patients;
        this.visits = visits;
        this.properties = properties;
        this.time = time;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The seed's generate_token: 256 bits from {@code SecureRandom}, as 64 lower-case hex characters. */
    public static String generateToken() {
        return ConfirmationTokens.generate();
    }

    /** The path of a confirmation link (the token is its last segment). */
    public static String path(String token) {
        return "/p/confirm/" + token;
    }

    /**
     * The seed's create_confirmation: a pending request for an upcoming appointment, valid for the configured time
     * (7 days by default) but never past the start. An appointment with a pending request keeps it.
     */
    public ConfirmationDetails create(AppointmentId appointment) {
        return createFor(scheduling.get(appointment)).details(time.now());
    }

    AppointmentConfirmation createFor(AppointmentDetails appointment) {
        Instant now = time.now();
        Optional<AppointmentConfirmation> pending =
                confirmations.pendingOf(appointment.id().value());
        if (pending.isPresent()) {
            return pending.get();
        }
        if (!AppointmentStatus.UPCOMING.contains(appointment.status())
                || !appointment.startsAt().isAfter(now)) {
            throw ConflictException.illegalTransition("appointment", appointment.status(), "ask to confirm");
        }
        return confirmations.save(new AppointmentConfirmation(appointment, properties.validity(), now));
    }

    /** The seed's send_confirmation_request: the first message (email and SMS or WhatsApp, as the patient chose). */
    public ConfirmationDetails sendRequest(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        c.requested(mobileOf(c), false, time.now());
        return confirmations.save(c).details(time.now());
    }

    /** The seed's send_confirmation_reminder: another message with a new link; at most 3 (409 after). */
    public ConfirmationDetails sendReminder(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        c.reminded(mobileOf(c), time.now());
        return confirmations.save(c).details(time.now());
    }

    /**
     * A message asking the patient to confirm has left Tenhal (the notifications module calls this when it records the
     * message SENT, in that transaction): {@code reminder} 0, the request, sets {@code sentAt} (its first message to
     * leave); a reminder sets {@code lastReminderAt} (the latest). Nothing is recorded as sent before it is. A plain
     * update beside the aggregate, so that it never conflicts with the patient answering at the same moment.
     */
    public void messageSent(UUID confirmationId, int reminder, Instant at) {
        jdbc.sql(
                        reminder == 0
                                ? "update appointment_confirmation set sent_at = least(coalesce(sent_at, :at), :at) where id = :id"
                                : "update appointment_confirmation set last_reminder_at = greatest(coalesce(last_reminder_at, :at), :at) where id = :id")
                .param("id", confirmationId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * A new link for a request, minted when the message that carries it is sent (so that the stored message holds no
     * usable link): the URL with a fresh token, whose SHA-256 alone is stored.
     */
    public String mintLink(UUID confirmationId) {
        // no look first: the token's foreign key refuses a request that does not exist
        return baseUrl + path(tokens.issue(confirmationId, time.now()));
    }

    /** The seed's get_confirmation_by_token; empty for unknown and malformed tokens. */
    @Transactional(readOnly = true)
    public Optional<ConfirmationDetails> byToken(String token) {
        return tokens.confirmationOf(token).flatMap(confirmations::findById).map(c -> c.details(time.now()));
    }

    /**
     * What a message asking to confirm says about the visit, while the request can still be answered: empty once it
     * was answered or ended (a request is valid only while it is its appointment's latest).
     */
    @Transactional(readOnly = true)
    public Optional<VisitFacts> openVisit(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        if (!c.isValid(time.now())) {
            return Optional.empty();
        }
        return Optional.of(visitOf(c));
    }

    /** What a message about an appointment says about it (for the clinic's cancellation). */
    @Transactional(readOnly = true)
    public VisitFacts visitOf(AppointmentId appointment) {
        return visits.of(scheduling.get(appointment));
    }

    /**
     * The time the visit was at before it moved, when this request is the first after a move (its appointment's
     * previous request was for another time); empty otherwise.
     */
    @Transactional(readOnly = true)
    public Optional<java.time.ZonedDateTime> movedFrom(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        return jdbc.sql("""
                        select o.appointment_starts_at from appointment_confirmation o
                        where o.appointment_id = :a and o.id <> :id and o.created_at <= :created
                        order by o.created_at desc, o.id desc limit 1
                        """)
                .param("a", c.appointmentId())
                .param("id", c.id())
                .param("created", Timestamp.from(c.createdAt()))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(was -> !was.equals(c.appointmentStartsAt()))
                .map(time::local);
    }

    /** What the link's page shows about the visit. */
    @Transactional(readOnly = true)
    public VisitFacts visit(UUID confirmationId) {
        return visitOf(load(confirmationId));
    }

    private VisitFacts visitOf(AppointmentConfirmation c) {
        return visits.of(scheduling.get(new AppointmentId(c.appointmentId())));
    }

    /** The seed's confirm_appointment by link: the request and the appointment are confirmed. */
    public ConfirmationDetails confirm(String token, String address, String userAgent) {
        AppointmentConfirmation c = byTokenOrThrow(token);
        return confirm(c, ConfirmationMethod.LINK, address, userAgent, null);
    }

    /** The seed's decline_appointment by link: the appointment is cancelled with the reason {@code declined by patient: <reason>}. */
    public ConfirmationDetails decline(String token, String reason, String address, String userAgent) {
        if (reason != null && reason.length() > 250) {
            throw new InvalidFieldsException("reason", "at most 250 characters");
        }
        AppointmentConfirmation c = byTokenOrThrow(token);
        return decline(c, ConfirmationMethod.LINK, reason, address, userAgent);
    }

    /**
     * Staff record that the patient confirmed by phone or in person. The appointment is confirmed whether or not a
     * request is pending.
     */
    public ConfirmationDetails confirmByStaff(AppointmentId appointment, ConfirmationMethod method) {
        if (method != ConfirmationMethod.PHONE && method != ConfirmationMethod.IN_PERSON) {
            throw new InvalidFieldsException("method", "staff record PHONE or IN_PERSON confirmations");
        }
        AppointmentDetails a = scheduling.get(appointment);
        access.require(PatientData.APPOINTMENTS, a.patientId());
        if (a.status() != AppointmentStatus.BOOKED) {
            throw ConflictException.illegalTransition("appointment", a.status(), "confirm");
        }
        Instant now = time.now();
        Optional<AppointmentConfirmation> pending = confirmations.pendingOf(appointment.value());
        if (pending.isPresent() && !pending.get().isValid(now)) {
            // its time ran out before the expiry job saw it
            pending.get().end("EXPIRED", now);
            confirmations.saveAndFlush(pending.get());
            pending = Optional.empty();
        }
        AppointmentConfirmation c =
                pending.orElseGet(() -> confirmations.save(new AppointmentConfirmation(a, properties.validity(), now)));
        return confirm(c, method, null, null, Actor.currentUserId());
    }

    private ConfirmationDetails confirm(
            AppointmentConfirmation c, ConfirmationMethod method, String address, String userAgent, UUID staff) {
        Instant now = time.now();
        AppointmentDetails appointment = scheduling.get(new AppointmentId(c.appointmentId()));
        if (!closeIfGone(c, appointment, now)) {
            c.confirm(method, address, userAgent, staff, now);
            if (appointment.status() == AppointmentStatus.BOOKED) {
                scheduling.confirm(appointment.id(), method);
            }
        }
        return confirmations.save(c).details(now);
    }

    /**
     * Whether the patient may still cancel from the link after confirming: the link's request was confirmed, the
     * appointment is confirmed for the time it was confirmed for, and the clinic's cut-off before the start is ahead.
     */
    @Transactional(readOnly = true)
    public boolean canWithdraw(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        AppointmentDetails a = scheduling.get(new AppointmentId(c.appointmentId()));
        return c.status() == ConfirmationStatus.CONFIRMED
                && a.status() == AppointmentStatus.CONFIRMED
                && a.startsAt().equals(c.appointmentStartsAt())
                && time.now().isBefore(a.startsAt().minus(properties.changeCutOff()));
    }

    /**
     * The other times the patient may move the visit to from this link: free times of the same provider and service
     * over the next {@code tenhal.confirmation.move-days} days, after the cut-off, that the patient is free at. Empty
     * when this link may not move the visit: it is not the visit's live link (answered-and-moved, expired, declined),
     * the visit is no longer ahead or has moved since, or the cut-off has passed.
     */
    @Transactional(readOnly = true)
    public List<Instant> moveChoices(UUID confirmationId) {
        AppointmentConfirmation c = load(confirmationId);
        AppointmentDetails a = scheduling.get(new AppointmentId(c.appointmentId()));
        Instant now = time.now();
        if (!mayMove(c, a, now)) {
            return List.of();
        }
        Instant earliest = now.plus(properties.changeCutOff());
        LocalDate today = time.today();
        List<sa.tenhal.appointments.Slot> slots;
        try {
            slots = availability.slots(new sa.tenhal.appointments.Availability.SlotQuery(
                    a.serviceId(), a.providerId(), today, today.plusDays(properties.moveDays() - 1), a.patientId()));
        } catch (InvalidFieldsException inactive) {
            return List.of(); // the service or the provider is no longer offered: the page asks them to call
        }
        return slots.stream()
                .map(sa.tenhal.appointments.Slot::startsAt)
                .filter(start -> start.isAfter(earliest) && !start.equals(a.startsAt()))
                .distinct()
                .sorted()
                .limit(MOVE_CHOICES)
                .toList();
    }

    /**
     * The patient moves the visit from the link to one of the times the page offered ({@link #moveChoices}), checked
     * again now: a time taken meanwhile, or a link that may no longer move the visit, is refused (409). The move is a
     * reschedule like staff make ({@link Scheduling#reschedule}), so the desk shows the new time, the old link's page
     * says "moved to …" and a fresh link for the new time goes out (one live link per visit).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public AppointmentDetails move(String token, Instant to, String address, String userAgent) {
        if (to == null) {
            throw new InvalidFieldsException("startsAt", "is required");
        }
        AppointmentConfirmation c = byTokenOrThrow(token);
        if (!moveChoices(c.id()).contains(to)) {
            throw new ConflictException(
                    "time-not-offered",
                    "That time cannot be chosen",
                    "The appointment cannot be moved to " + to
                            + " from this link: the time is taken, or the link may no longer change the visit");
        }
        LOG.info("Appointment {} moved by the patient from the link (from {})", c.appointmentId(), address);
        return scheduling.reschedule(new AppointmentId(c.appointmentId()), to, null, null, MOVED_REASON, null);
    }

    /** This link is the visit's live one, the visit is still where the link says and ahead of the cut-off. */
    private boolean mayMove(AppointmentConfirmation c, AppointmentDetails a, Instant now) {
        boolean live = (c.status() == ConfirmationStatus.PENDING && c.isValid(now))
                || c.status() == ConfirmationStatus.CONFIRMED;
        return live
                && AppointmentStatus.UPCOMING.contains(a.status())
                && a.startsAt().equals(c.appointmentStartsAt())
                && now.isBefore(a.startsAt().minus(properties.changeCutOff()))
                && confirmations
                        .latest(c.appointmentId())
                        .map(latest -> latest.id().equals(c.id()))
                        .orElse(false);
    }

    /** Until when a confirmed visit may be cancelled from the link. */
    public Instant withdrawUntil(Instant startsAt) {
        return startsAt.minus(properties.changeCutOff());
    }

    private ConfirmationDetails decline(
            AppointmentConfirmation c, ConfirmationMethod method, String reason, String address, String userAgent) {
        Instant now = time.now();
        AppointmentDetails appointment = scheduling.get(new AppointmentId(c.appointmentId()));
        if (c.status() == ConfirmationStatus.CONFIRMED && method == ConfirmationMethod.LINK) {
            if (!canWithdraw(c.id())) {
                ConflictException e = new ConflictException(
                        "too-late-to-cancel",
                        "Too late to cancel here",
                        "The appointment can be cancelled from the link until " + withdrawUntil(appointment.startsAt())
                                + "; after that, call the clinic");
                throw e;
            }
            String text = reason == null || reason.isBlank() ? null : reason.strip();
            c.withdraw(method, text, address, userAgent, now);
            confirmations.save(c);
            scheduling.cancel(appointment.id(), text == null ? DECLINED_REASON : DECLINED_REASON + ": " + text);
            return confirmations.save(c).details(now);
        }
        if (!closeIfGone(c, appointment, now)) {
            String text = reason == null || reason.isBlank() ? null : reason.strip();
            c.decline(method, text, address, userAgent, now);
            confirmations.save(c);
            scheduling.cancel(appointment.id(), text == null ? DECLINED_REASON : DECLINED_REASON + ": " + text);
        }
        return confirmations.save(c).details(now);
    }

    /** A request whose appointment is no longer upcoming (or moved) ends instead of changing it. */
    private boolean closeIfGone(AppointmentConfirmation c, AppointmentDetails appointment, Instant now) {
        if (c.status() != ConfirmationStatus.PENDING) {
            return false; // the guarded transition refuses it with 409
        }
        if (!AppointmentStatus.UPCOMING.contains(appointment.status())) {
            c.end("CLOSED", now);
            return true;
        }
        if (!appointment.startsAt().equals(c.appointmentStartsAt())) {
            c.end("RESCHEDULED", now);
            return true;
        }
        return false;
    }

    /**
     * A patient's SMS or WhatsApp reply, matched by the number the requests went to: 1 / yes / نعم confirm the
     * soonest pending appointment, 2 declines it, anything else earns a short help text.
     */
    public ReplyOutcome reply(String mobile, ConfirmationMethod channel, String body) {
        Instant now = time.now();
        List<AppointmentConfirmation> pending = confirmations.pendingForMobile(mobile, now);
        if (pending.isEmpty()) {
            return jdbc.sql("select patient_id from appointment_confirmation where reply_mobile = :m"
                            + " order by created_at desc, id desc limit 1")
                    .param("m", mobile)
                    .query(UUID.class)
                    .optional()
                    .map(p -> new ReplyOutcome(
                            ReplyOutcome.Result.NOTHING_PENDING, new sa.tenhal.patients.PatientId(p), null, 0))
                    .orElse(new ReplyOutcome(ReplyOutcome.Result.UNKNOWN, null, null, 0));
        }
        AppointmentConfirmation soonest = pending.get(0);
        VisitFacts visit = visits.of(scheduling.get(new AppointmentId(soonest.appointmentId())));
        int others = pending.size() - 1;
        ReplyParser.Answer answer = ReplyParser.read(body);
        return switch (answer) {
            case CONFIRM -> {
                ConfirmationDetails d = confirm(soonest, channel, null, null, null);
                yield new ReplyOutcome(
                        d.status() == ConfirmationStatus.CONFIRMED
                                ? ReplyOutcome.Result.CONFIRMED
                                : ReplyOutcome.Result.NOTHING_PENDING,
                        soonest.patientId(),
                        visit,
                        others);
            }
            case DECLINE -> {
                ConfirmationDetails d = decline(soonest, channel, "replied 2 by " + channel.name(), null, null);
                yield new ReplyOutcome(
                        d.status() == ConfirmationStatus.DECLINED
                                ? ReplyOutcome.Result.DECLINED
                                : ReplyOutcome.Result.NOTHING_PENDING,
                        soonest.patientId(),
                        visit,
                        others);
            }
            case OTHER -> new ReplyOutcome(ReplyOutcome.Result.HELP, soonest.patientId(), visit, others);
        };
    }

    /** The latest request of an appointment. */
    @Transactional(readOnly = true)
    public Optional<ConfirmationDetails> current(AppointmentId appointment) {
        return confirmations.latest(appointment.value()).map(c -> c.details(time.now()));
    }

    /** The seed's get_pending_confirmations: valid requests for appointments starting within {@code days} days. */
    @Transactional(readOnly = true)
    public List<ConfirmationDetails> pending(int days) {
        if (days < 0 || days > 60) {
            throw new InvalidFieldsException("days", "between 0 and 60");
        }
        Instant now = time.now();
        return confirmations.pendingStartingBefore(now, now.plus(Duration.ofDays(days))).stream()
                .map(c -> c.details(now))
                .toList();
    }

    /** The seed's expire_old_confirmations: pending requests past their time become EXPIRED; returns how many. */
    public int expireOld() {
        Instant now = time.now();
        int n = 0;
        for (AppointmentConfirmation c : confirmations.pendingExpiredAt(now)) {
            if (c.end("EXPIRED", now)) {
                confirmations.save(c);
                n++;
            }
        }
        return n;
    }

    /**
     * The daily reminders: every unconfirmed appointment on one of the next 3 days (the reminder window) gets a
     * reminder, at most 3 in all and one a day (so a second run the same day sends nothing). A request that ran out
     * of time before the window opened is renewed with the reminder. Returns how many were sent.
     */
    public int remindUnconfirmed() {
        expireOld(); // requests whose time ran out are renewed below, not reminded
        Instant now = time.now();
        // within 3 days = on one of the next 3 calendar days (clinic-local), whatever the hour
        Instant until = time.today()
                .plusDays(Math.max(0, properties.reminderWindow().toDays()) + 1)
                .atStartOfDay(time.zone())
                .toInstant();
        Instant today = time.today().atStartOfDay(time.zone()).toInstant();
        int sent = 0;
        for (AppointmentConfirmation c : confirmations.pendingStartingBefore(now, until)) {
            // asked, not sent: a request whose message is still on its way counts (its sending is not awaited here)
            boolean askedToday = !c.lastRequestedAt().isBefore(today);
            if (!askedToday && c.canRemind(now)) {
                c.reminded(mobileOf(c), now);
                confirmations.save(c);
                sent++;
            }
        }
        for (UUID expired : jdbc.sql("""
                        select c.id from appointment_confirmation c
                        where c.status = 'EXPIRED' and c.ended_because = 'EXPIRED' and c.reminder_count < :max
                          and c.appointment_starts_at > :now and c.appointment_starts_at < :until
                          and c.created_at = (select max(o.created_at) from appointment_confirmation o
                                              where o.appointment_id = c.appointment_id)
                        """)
                .param("max", AppointmentConfirmation.MAX_REMINDERS)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query(UUID.class)
                .list()) {
            AppointmentConfirmation old = load(expired);
            AppointmentDetails a = scheduling.get(new AppointmentId(old.appointmentId()));
            if (a.status() == AppointmentStatus.BOOKED && a.startsAt().equals(old.appointmentStartsAt())) {
                AppointmentConfirmation renewed = AppointmentConfirmation.renewal(old, a, properties.validity(), now);
                renewed.reminded(mobileOf(renewed), now);
                confirmations.save(renewed);
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Sent {} confirmation reminders", sent);
        }
        return sent;
    }

    /** The KPI: the share of visits confirmed before their day, by clinic, provider and date range. */
    @Transactional(readOnly = true)
    public ConfirmationKpi kpi(LocalDate from, LocalDate to, ClinicId clinic, ProviderId provider) {
        if (from == null || to == null) {
            throw new InvalidFieldsException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldsException("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(400))) {
            throw new InvalidFieldsException("to", "at most 400 days after from");
        }
        Instant start = from.atStartOfDay(time.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(time.zone()).toInstant();
        UUID clinicId = clinic == null ? null : clinic.value();
        UUID providerId = provider == null ? null : provider.value();
        String where = " a.starts_at >= :start and a.starts_at < :end"
                + " and (cast(:clinic as uuid) is null or a.clinic_id = :clinic)"
                + " and (cast(:provider as uuid) is null or a.provider_id = :provider)";
        String beforeDay = "a.confirmed_at < (date_trunc('day', a.starts_at at time zone :zone) at time zone :zone)";
        Map<String, Long> byMethod = new LinkedHashMap<>();
        long[] totals = new long[3];
        jdbc.sql("select a.status, a.confirmation_method, " + beforeDay + " as before_day, count(*) as n"
                        + " from appointment a where" + where
                        + " group by a.status, a.confirmation_method, before_day")
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("clinic", clinicId)
                .param("provider", providerId)
                .param("zone", time.zone().getId())
                .query(rs -> {
                    String status = rs.getString("status");
                    long n = rs.getLong("n");
                    if (!AppointmentStatus.CANCELLED.name().equals(status)) {
                        totals[0] += n;
                        if (rs.getBoolean("before_day")) {
                            totals[1] += n;
                            byMethod.merge(rs.getString("confirmation_method"), n, Long::sum);
                        }
                    }
                });
        totals[2] = jdbc.sql("select count(distinct a.id) from appointment a join appointment_confirmation c"
                        + " on c.appointment_id = a.id and c.status = 'DECLINED' where" + where)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("clinic", clinicId)
                .param("provider", providerId)
                .query(Long.class)
                .single();
        BigDecimal share = totals[0] == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(totals[1]).divide(BigDecimal.valueOf(totals[0]), 4, RoundingMode.HALF_UP);
        return new ConfirmationKpi(from, to, clinicId, providerId, totals[0], totals[1], share, totals[2], byMethod);
    }

    // --- reactions to the appointment's life (see ConfirmationTriggers) ---

    /** A booked appointment gets its request, sent at once. */
    void booked(AppointmentId appointment) {
        AppointmentDetails a = scheduling.get(appointment);
        Instant now = time.now();
        if (a.status() != AppointmentStatus.BOOKED || !a.startsAt().isAfter(now)) {
            return;
        }
        request(a, true, now);
    }

    /** A moved appointment: the old request (and its links) ends, a new one is sent for the new time. */
    void rescheduled(AppointmentId appointment) {
        Instant now = time.now();
        AppointmentDetails a = scheduling.get(appointment);
        Optional<AppointmentConfirmation> pending = confirmations.pendingOf(appointment.value());
        if (pending.isPresent() && pending.get().appointmentStartsAt().equals(a.startsAt())) {
            return; // the event was delivered before
        }
        pending.ifPresent(c -> {
            c.end("RESCHEDULED", now);
            confirmations.saveAndFlush(c);
        });
        if (!AppointmentStatus.UPCOMING.contains(a.status()) || !a.startsAt().isAfter(now)) {
            return;
        }
        request(a, false, now);
    }

    /**
     * A new request for the appointment, sent at once; requested before its first save, so that it is one insert.
     * {@code newAppointment}: the appointment was booked just now.
     */
    private void request(AppointmentDetails a, boolean newAppointment, Instant now) {
        AppointmentConfirmation c = new AppointmentConfirmation(a, properties.validity(), now);
        c.requested(mobileOf(c), newAppointment, now);
        confirmations.save(c);
    }

    /** A cancelled appointment's request ends (a decline has ended it already). */
    void cancelled(AppointmentId appointment) {
        confirmations.pendingOf(appointment.value()).ifPresent(c -> {
            if (c.end("CANCELLED", time.now())) {
                confirmations.save(c);
            }
        });
    }

    /** Confirmed through the appointments API (by staff): the request is answered, no more reminders. */
    void confirmedElsewhere(AppointmentId appointment, ConfirmationMethod method, Instant at) {
        confirmations.pendingOf(appointment.value()).ifPresent(c -> {
            if (c.confirmedElsewhere(method, at)) {
                confirmations.save(c);
            }
        });
    }

    /** A patient merge: the survivor's requests now (an update, so a repeated delivery changes nothing). */
    void repoint(sa.tenhal.patients.PatientId merged, sa.tenhal.patients.PatientId survivor) {
        jdbc.sql("update appointment_confirmation set patient_id = :survivor where patient_id = :merged")
                .param("survivor", survivor.value())
                .param("merged", merged.value())
                .update();
    }

    private String mobileOf(AppointmentConfirmation c) {
        return patients.mobile(c.patientId()).orElse(null);
    }

    private AppointmentConfirmation byTokenOrThrow(String token) {
        return tokens.confirmationOf(token)
                .flatMap(confirmations::findById)
                .orElseThrow(() -> new NotFoundException("Confirmation link", "(hidden)"));
    }

    private AppointmentConfirmation load(UUID id) {
        return confirmations.findById(id).orElseThrow(() -> new NotFoundException("Confirmation", id));
    }
}
