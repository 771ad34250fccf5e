package sa.tenhal.notifications;

import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentCancelled;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.confirmation.ConfirmationDeclined;
import sa.tenhal.appointments.confirmation.ConfirmationRequested;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.appointments.confirmation.ReplyOutcome;
import sa.tenhal.appointments.confirmation.VisitFacts;
import sa.tenhal.patients.PatientContact;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.shared.Language;

/**
 * The appointment confirmation workflow's messages: the request and its reminders (by the patient's first channel,
 * in their language, with a link minted at sending), the cancellation confirmation after a
 * decline, and the answer to a patient's text reply (which this listener hands to {@link Confirmations}).
 */
@Component
class ConfirmationMessages {

    static final String REQUEST = "appointment-confirmation-request";
    static final String REMINDER = "appointment-confirmation-reminder";
    static final String DECLINED = "appointment-confirmation-declined";
    static final String REPLY = "appointment-confirmation-reply";
    static final String MOVED = "appointment-moved";
    static final String CANCELLED = "appointment-cancelled-by-clinic";
    static final String LINK_KIND = "appointment-confirmation";

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMessages.class);

    private final Confirmations confirmations;
    private final Recipients recipients;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final ClinicTime time;

    ConfirmationMessages(
            Confirmations confirmations,
            Recipients recipients,
            Messages messages,
            ApplicationEventPublisher events,
            ClinicTime time) {
        this.confirmations = confirmations;
        this.recipients = recipients;
        this.messages = messages;
        this.events = events;
        this.time = time;
    }

    /**
     * The request's or reminder's message is composed and queued in the transaction that asks for it (the booking's,
     * the move's, the reminder sweep's): it commits with the request or not at all, and a booking costs no transaction
     * after its own for it. Should the message fail to render (a template), the transaction is untouched — nothing of
     * the message is written before all of it is rendered — and the message is owed instead: a durable publication of
     * its own tries again after the commit, with the retries every durable listener has, so the booking stands. A
     * failure of the database fails the transaction, and the request with it.
     */
    @EventListener
    void on(ConfirmationRequested requested) {
        Optional<Asked> asked = read(requested);
        if (asked.isEmpty()) {
            return;
        }
        Messages.Composed composed;
        try {
            // nothing in here reads or writes: a failure leaves the asking transaction as it was
            composed = messages.compose(asked.get().message());
        } catch (RuntimeException e) {
            log.error(
                    "Confirmation request {}: its message could not be composed now; it is owed",
                    requested.confirmationId(),
                    e);
            events.publishEvent(new ConfirmationMessageOwed(requested, time.now()));
            return;
        }
        messages.send(composed);
    }

    /** A request's message that could not be composed with the request: tried again, and again until it is. */
    @ApplicationModuleListener
    void on(ConfirmationMessageOwed owed) {
        read(owed.requested()).map(Asked::message).ifPresent(messages::send);
    }

    /**
     * What a request's message needs from the database, read before anything is composed: empty once the request was
     * answered or ended, or when the patient cannot be reached.
     */
    private Optional<Asked> read(ConfirmationRequested requested) {
        return confirmations.openVisit(requested.confirmationId()).flatMap(visit -> Optional.ofNullable(visit.contact())
                .map(recipients::patient)
                .map(to -> new Asked(
                        requested,
                        visit,
                        to,
                        // the first request after a move says that it moved (a new appointment's cannot be)
                        requested.reminder() == 0 && !requested.newAppointment()
                                ? confirmations.movedFrom(requested.confirmationId())
                                : Optional.empty())));
    }

    /** A request or reminder to send, and what its message says. */
    private record Asked(
            ConfirmationRequested requested, VisitFacts visit, Recipient to, Optional<ZonedDateTime> movedFrom) {

        Outgoing message() {
            Map<String, Object> model = model(visit, to.language());
            model.put(
                    "link",
                    new SecretLink(LINK_KIND, requested.confirmationId()).placeholder() + "?lang="
                            + to.language().name().toLowerCase());
            model.put("reminder", requested.reminder());
            movedFrom.ifPresent(at -> model.put("was", VisitFacts.when(at, to.language())));
            return new Outgoing(
                    movedFrom.isPresent() ? MOVED : requested.reminder() == 0 ? REQUEST : REMINDER,
                    source(requested.confirmationId(), requested.reminder()),
                    to,
                    channels(to, true),
                    model,
                    false);
        }
    }

    /** The cause of a request's ({@code reminder} 0) or reminder's messages; {@link SentReceipts} reads it back. */
    static String source(UUID confirmationId, int reminder) {
        return "ConfirmationRequested:" + confirmationId + ":" + reminder;
    }

    /** The cancellation confirmation; a decline by text gets its answer by text, so only the email here. */
    @ApplicationModuleListener
    void on(ConfirmationDeclined declined) {
        VisitFacts visit = confirmations.visit(declined.confirmationId());
        boolean byText =
                declined.method() == ConfirmationMethod.SMS || declined.method() == ConfirmationMethod.WHATSAPP;
        Optional.ofNullable(visit.contact())
                .map(recipients::patient)
                .ifPresent(to -> messages.send(new Outgoing(
                        DECLINED,
                        "ConfirmationDeclined:" + declined.confirmationId(),
                        to,
                        channels(to, !byText),
                        model(visit, to.language()),
                        true)));
    }

    /**
     * The clinic cancelled a visit that was ahead: the patient (or the child's guardian) is told, with the clinic's
     * phone and the visit's link, whose page says what happened. A decline by the patient has its own message.
     */
    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        if (!cancelled.startsAt().isAfter(cancelled.at())) {
            return; // nothing to tell about a visit that was due already
        }
        VisitFacts visit = confirmations.visitOf(new AppointmentId(cancelled.appointmentId()));
        if (!visit.cancelledByClinic()) {
            return;
        }
        Optional.ofNullable(visit.contact()).map(recipients::patient).ifPresent(to -> {
            Map<String, Object> model = model(visit, to.language());
            model.put(
                    "link",
                    confirmations
                            .current(new AppointmentId(cancelled.appointmentId()))
                            .map(c -> new SecretLink(LINK_KIND, c.id()).placeholder() + "?lang="
                                    + to.language().name().toLowerCase())
                            .orElse(null));
            messages.send(new Outgoing(
                    CANCELLED,
                    "AppointmentCancelled:" + cancelled.appointmentId(),
                    to,
                    channels(to, true),
                    model,
                    true));
        });
    }

    /** A patient's reply to a request: confirm (1, yes, نعم), cancel (2), or a short help text. */
    @ApplicationModuleListener
    void on(InboundMessageReceived reply) {
        ConfirmationMethod method =
                reply.channel() == Channel.WHATSAPP ? ConfirmationMethod.WHATSAPP : ConfirmationMethod.SMS;
        ReplyOutcome outcome = confirmations.reply(reply.from(), method, reply.body());
        if (outcome.patientId() == null) {
            return; // not a number we asked
        }
        recipients.patient(outcome.patientId()).ifPresent(patient -> {
            // answer on the channel and number the reply came from
            Recipient to = new Recipient(
                    Recipient.Type.PATIENT,
                    patient.id(),
                    patient.name(),
                    patient.language(),
                    null,
                    reply.from(),
                    EnumSet.of(reply.channel()),
                    patient.quietStart(),
                    patient.quietEnd());
            Map<String, Object> model =
                    outcome.visit() == null ? new HashMap<>() : model(outcome.visit(), patient.language());
            model.put("result", outcome.result().name());
            model.put("others", outcome.othersPending());
            messages.send(new Outgoing(
                    REPLY,
                    "InboundMessageReceived:" + reply.providerMessageId(),
                    to,
                    List.of(reply.channel()),
                    model,
                    true));
        });
    }

    /**
     * Any of the patient's channels (one at a time, in their order: see {@link Messages#send}), or only email when the
     * patient's text already has its answer by text.
     */
    private static List<Channel> channels(Recipient to, boolean withText) {
        return withText ? List.of(Channel.WHATSAPP, Channel.SMS, Channel.EMAIL) : List.of(Channel.EMAIL);
    }

    /**
     * What the templates say about the visit: {@code name} is who is greeted (the guardian for a child),
     * {@code child} the patient's first name, {@code about} "your" / "Reem's" (Arabic: "موعدك" / "موعد ريم").
     */
    static Map<String, Object> model(VisitFacts visit, Language language) {
        Map<String, Object> model = new HashMap<>();
        PatientContact contact = visit.contact();
        boolean guardian = contact != null && contact.viaGuardian() && contact.guardianName() != null;
        String child = visit.firstName(language) == null ? "" : visit.firstName(language);
        model.put("name", guardian ? contact.guardianName() : visit.firstName() == null ? "" : visit.firstName());
        model.put("child", child);
        model.put("guardian", guardian);
        if (language == Language.AR) {
            model.put("about", guardian ? "موعد " + child : "موعدك");
            model.put("aboutCapital", model.get("about"));
        } else {
            model.put("about", guardian ? child + "'s" : "your");
            model.put("aboutCapital", guardian ? child + "'s" : "Your");
        }
        model.put("when", visit.when(language));
        model.put("clinic", visit.clinic(language));
        model.put("provider", visit.provider(language));
        model.put("centre", visit.centre(language));
        model.put("address", visit.address());
        // "call <phone>": the clinic's, else the centre's, else the centre by name
        model.put("phone", visit.phone() != null ? visit.phone() : visit.centre(language));
        return model;
    }
}
