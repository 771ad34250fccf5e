package sa.tenhal.notifications;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentReminderDue;
import sa.tenhal.appointments.DaySchedules;
import sa.tenhal.appointments.ProviderDayScheduled;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.WaitlistSlotOffered;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.shared.Language;

/**
 * Messages about appointments: the patient's reminders (24 h, 2 h, and today's catch-up) by their channels and
 * language, offers of freed slots to waiting patients, and each provider's next-day list in-app and by email with the
 * list as a PDF.
 */
@Component
class AppointmentMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Scheduling scheduling;
    private final DaySchedules daySchedules;
    private final ClinicCatalog catalog;
    private final StaffDirectory staff;
    private final Recipients recipients;
    private final Messages messages;
    private final ClinicTime time;

    AppointmentMessages(
            Scheduling scheduling,
            DaySchedules daySchedules,
            ClinicCatalog catalog,
            StaffDirectory staff,
            Recipients recipients,
            Messages messages,
            ClinicTime time) {
        this.scheduling = scheduling;
        this.daySchedules = daySchedules;
        this.catalog = catalog;
        this.staff = staff;
        this.recipients = recipients;
        this.messages = messages;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(AppointmentReminderDue due) {
        AppointmentDetails appointment = scheduling.get(new AppointmentId(due.appointmentId()));
        recipients.patient(due.patientId()).ifPresent(patient -> {
            Language language = patient.language();
            ClinicDetails clinic = catalog.clinic(appointment.clinicId());
            ProviderDetails provider = catalog.provider(appointment.providerId());
            ServiceDetails service = catalog.service(appointment.serviceId());
            var local = time.local(appointment.startsAt());
            Map<String, Object> model = new HashMap<>();
            model.put("name", patient.name());
            model.put("clinic", clinic.name(language));
            model.put("clinicPhone", clinic.phone() == null ? "" : clinic.phone());
            model.put("provider", provider.name(language));
            model.put("service", service.name(language));
            model.put("date", DATE.format(local));
            model.put("time", TIME.format(local));
            model.put("when", due.offset());
            messages.send(new Outgoing(
                    "appointment-reminder",
                    // the start is part of the cause: a moved appointment is reminded of its new time
                    "AppointmentReminderDue:" + due.appointmentId() + ":" + due.offset() + ":"
                            + appointment.startsAt().getEpochSecond(),
                    patient,
                    // one channel, in the patient's order; the next only if it fails (Messages)
                    List.of(Channel.WHATSAPP, Channel.SMS, Channel.EMAIL),
                    model,
                    false));
        });
    }

    /** A waiting patient is offered a freed slot: a link (minted at sending) valid until the offer ends. */
    @ApplicationModuleListener
    void on(WaitlistSlotOffered offered) {
        recipients.patient(offered.patientId()).ifPresent(patient -> {
            Language language = patient.language();
            var local = time.local(offered.startsAt());
            Map<String, Object> model = new HashMap<>();
            model.put("name", patient.name());
            model.put("clinic", catalog.clinic(offered.clinicId()).name(language));
            model.put("provider", catalog.provider(offered.providerId()).name(language));
            model.put("service", catalog.service(offered.serviceId()).name(language));
            model.put("date", DATE.format(local));
            model.put("time", TIME.format(local));
            model.put("until", TIME.format(time.local(offered.expiresAt())));
            model.put("link", new SecretLink("waitlist-offer", offered.offerId()).placeholder());
            messages.send(new Outgoing(
                    "waitlist-offer",
                    "WaitlistSlotOffered:" + offered.offerId(),
                    patient,
                    // one channel, in the patient's order; the next only if it fails (Messages)
                    List.of(Channel.WHATSAPP, Channel.SMS, Channel.EMAIL),
                    model,
                    // an offer lasts two hours: quiet hours would let it lapse unseen
                    true));
        });
    }

    @ApplicationModuleListener
    void on(ProviderDayScheduled scheduled) {
        ProviderDetails provider = catalog.provider(scheduled.providerId());
        staff.find(provider.userId()).filter(member -> member.enabled()).ifPresent(member -> {
            Language language = member.language();
            var day = daySchedules.day(scheduled.providerId(), scheduled.date());
            byte[] pdf = daySchedules.pdf(scheduled.providerId(), scheduled.date(), language);
            messages.send(new Outgoing(
                    "next-day-schedule",
                    "ProviderDayScheduled:" + scheduled.providerId() + ":" + scheduled.date(),
                    recipients.staff(member),
                    List.of(Channel.IN_APP, Channel.EMAIL),
                    Map.of(
                            "name", provider.name(language),
                            "date", DATE.format(scheduled.date()),
                            "count", day.lines().size(),
                            "inboxLink",
                                    "/api/v1/providers/" + scheduled.providerId() + "/day?date=" + scheduled.date()),
                    true,
                    List.of(Attachment.pdf("schedule-" + scheduled.date() + ".pdf", pdf))));
        });
    }
}
