package sa.tenhal.appointments.confirmation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * A request to a patient to confirm one appointment at one time (the seed's AppointmentConfirmation). It is valid
 * while {@code PENDING} and before {@code expiresAt}, which is never later than the appointment's start; it changes
 * once — confirmed, declined or expired — and every change registers its (audited) event.
 *
 * <p>Asking ({@link #requested}, {@link #reminded}) is not sending: {@code sentAt} and {@code lastReminderAt} are
 * written only when a message has left ({@link Confirmations#messageSent}, a plain update beside this aggregate — hence
 * dynamic updates here, so that saving the aggregate never writes back a stale sent time).
 */
@Entity
@Table(name = "appointment_confirmation")
@DynamicUpdate
class AppointmentConfirmation extends StoredRecord<AppointmentConfirmation> {

    /** Reminders after the first request, at most. */
    static final int MAX_REMINDERS = 3;

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID appointmentId;
    private UUID patientId;
    private UUID clinicId;
    private UUID providerId;
    private Instant appointmentStartsAt;

    @Enumerated(EnumType.STRING)
    private ConfirmationStatus status;

    @Enumerated(EnumType.STRING)
    private ConfirmationMethod method;

    private Instant confirmedAt;
    private String confirmedByIp;
    private String confirmedByUserAgent;
    private UUID confirmedByUser;
    private Instant declinedAt;
    private String declineReason;
    private Instant expiredAt;
    private String endedBecause;
    private Instant expiresAt;
    // when a message of the request, or of its latest reminder, left Tenhal (never set by this aggregate)
    private Instant sentAt;
    private int reminderCount;
    private Instant lastReminderAt;
    // when the patient was last asked (the request or a reminder): one reminder a day at most
    private Instant lastRequestedAt;
    private String replyMobile;
    private Instant createdAt;
    private Instant updatedAt;

    protected AppointmentConfirmation() {}

    /** A new request for the appointment, valid for {@code validity} but never past the start. */
    AppointmentConfirmation(AppointmentDetails appointment, Duration validity, Instant now) {
        this.id = Ids.newId();
        this.appointmentId = appointment.id().value();
        this.patientId = appointment.patientId().value();
        this.clinicId = appointment.clinicId().value();
        this.providerId = appointment.providerId().value();
        this.appointmentStartsAt = appointment.startsAt();
        Instant until = now.plus(validity);
        this.expiresAt = until.isBefore(appointmentStartsAt) ? until : appointmentStartsAt;
        this.status = ConfirmationStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * A new request for an appointment whose earlier request ran out of time before the reminder window opened: it
     * carries the earlier one's reminders, so that the patient still gets at most {@link #MAX_REMINDERS}.
     */
    static AppointmentConfirmation renewal(
            AppointmentConfirmation expired, AppointmentDetails appointment, Duration validity, Instant now) {
        AppointmentConfirmation c = new AppointmentConfirmation(appointment, validity, now);
        c.sentAt = expired.sentAt;
        c.reminderCount = expired.reminderCount;
        c.lastReminderAt = expired.lastReminderAt;
        c.lastRequestedAt = expired.lastRequestedAt;
        return c;
    }

    /** The seed's {@code is_expired}: its time has run out (whatever its status). */
    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The seed's {@code is_valid}: still pending and not expired, so its links can confirm or decline. */
    boolean isValid(Instant now) {
        return status == ConfirmationStatus.PENDING && !isExpired(now);
    }

    /**
     * Asks the patient (the first request, to {@code mobile} if any): the event has the message sent. Its sending is
     * recorded when it happens ({@code sentAt}). {@code newAppointment}: asked because the appointment was just booked,
     * so no earlier request of it exists (see {@link ConfirmationRequested#newAppointment()}).
     */
    void requested(String mobile, boolean newAppointment, Instant now) {
        requireValid(now, "send");
        this.lastRequestedAt = now;
        this.replyMobile = mobile;
        this.updatedAt = now;
        registerEvent(new ConfirmationRequested(id, appointmentId, patientId(), 0, newAppointment, now));
    }

    boolean canRemind(Instant now) {
        return isValid(now) && reminderCount < MAX_REMINDERS;
    }

    /** Asks again (a reminder); refuses past {@link #MAX_REMINDERS}. Its sending is recorded when it happens. */
    void reminded(String mobile, Instant now) {
        requireValid(now, "remind");
        if (reminderCount >= MAX_REMINDERS) {
            throw new ConflictException(
                    "too-many-reminders",
                    "No more reminders",
                    "The patient has been reminded " + MAX_REMINDERS + " times already");
        }
        this.reminderCount++;
        this.lastRequestedAt = now;
        if (mobile != null) {
            this.replyMobile = mobile;
        }
        this.updatedAt = now;
        registerEvent(new ConfirmationRequested(id, appointmentId, patientId(), reminderCount, false, now));
    }

    /** The patient confirmed by link or reply (with the client's address and browser when by link). */
    void confirm(ConfirmationMethod method, String ip, String userAgent, UUID staffUser, Instant now) {
        requireValid(now, "confirm");
        this.status = ConfirmationStatus.CONFIRMED;
        this.method = method;
        this.confirmedAt = now;
        this.confirmedByIp = cut(ip, 64);
        this.confirmedByUserAgent = cut(userAgent, 500);
        this.confirmedByUser = staffUser;
        this.updatedAt = now;
        registerEvent(new ConfirmationReceived(id, appointmentId, patientId(), method, staffUser, now));
    }

    /** The appointment was confirmed elsewhere (staff through the appointments API): this request is answered. */
    boolean confirmedElsewhere(ConfirmationMethod method, Instant at) {
        if (status != ConfirmationStatus.PENDING) {
            return false;
        }
        this.status = ConfirmationStatus.CONFIRMED;
        this.method = method;
        this.confirmedAt = at;
        this.updatedAt = at;
        registerEvent(new ConfirmationReceived(id, appointmentId, patientId(), method, null, at));
        return true;
    }

    void decline(ConfirmationMethod method, String reason, String ip, String userAgent, Instant now) {
        requireValid(now, "decline");
        this.status = ConfirmationStatus.DECLINED;
        this.method = method;
        this.declinedAt = now;
        this.declineReason = cut(reason, 300);
        this.confirmedByIp = cut(ip, 64);
        this.confirmedByUserAgent = cut(userAgent, 500);
        this.updatedAt = now;
        registerEvent(new ConfirmationDeclined(id, appointmentId, patientId(), method, now));
    }

    /**
     * A patient who confirmed cancels from the same link (the page allows it until the clinic's cut-off before the
     * start): the request becomes DECLINED, with the reason in their words.
     */
    void withdraw(ConfirmationMethod method, String reason, String ip, String userAgent, Instant now) {
        if (status != ConfirmationStatus.CONFIRMED) {
            throw ConflictException.illegalTransition("confirmation", status, "cancel");
        }
        this.status = ConfirmationStatus.DECLINED;
        this.method = method;
        this.declinedAt = now;
        this.declineReason = cut(reason, 300);
        this.confirmedByIp = cut(ip, 64);
        this.confirmedByUserAgent = cut(userAgent, 500);
        this.updatedAt = now;
        registerEvent(new ConfirmationDeclined(id, appointmentId, patientId(), method, now));
    }

    /** Ends a pending request unanswered ({@code EXPIRED}, {@code RESCHEDULED}, {@code CANCELLED}, {@code CLOSED}). */
    boolean end(String because, Instant now) {
        if (status != ConfirmationStatus.PENDING) {
            return false;
        }
        this.status = ConfirmationStatus.EXPIRED;
        this.expiredAt = now;
        this.endedBecause = because;
        this.updatedAt = now;
        registerEvent(new ConfirmationExpired(id, appointmentId, patientId(), because, now));
        return true;
    }

    private void requireValid(Instant now, String action) {
        if (status != ConfirmationStatus.PENDING) {
            throw ConflictException.illegalTransition("confirmation", status, action);
        }
        if (isExpired(now)) {
            ConflictException e = new ConflictException(
                    "confirmation-expired", "Expired", "The confirmation request expired at " + expiresAt);
            e.with("expiresAt", expiresAt.toString());
            throw e;
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    UUID id() {
        return id;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    PatientId patientId() {
        return new PatientId(patientId);
    }

    UUID clinicId() {
        return clinicId;
    }

    UUID providerId() {
        return providerId;
    }

    ConfirmationStatus status() {
        return status;
    }

    Instant appointmentStartsAt() {
        return appointmentStartsAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    Instant lastReminderAt() {
        return lastReminderAt;
    }

    /** When the patient was last asked — the request or a reminder — whether or not its message has left yet. */
    Instant lastRequestedAt() {
        return lastRequestedAt == null ? createdAt : lastRequestedAt;
    }

    int reminderCount() {
        return reminderCount;
    }

    /** The events registered and not yet published (for tests). */
    java.util.List<Object> events() {
        return java.util.List.copyOf(domainEvents());
    }

    ConfirmationDetails details(Instant now) {
        return new ConfirmationDetails(
                id,
                new sa.tenhal.appointments.AppointmentId(appointmentId),
                patientId(),
                appointmentStartsAt,
                status,
                method,
                confirmedAt,
                confirmedByIp,
                confirmedByUserAgent,
                confirmedByUser,
                declinedAt,
                declineReason,
                expiredAt,
                endedBecause,
                expiresAt,
                sentAt,
                reminderCount,
                lastReminderAt,
                createdAt,
                isExpired(now),
                isValid(now));
    }

    @Override
    public UUID getId() {
        return id;
    }
}
