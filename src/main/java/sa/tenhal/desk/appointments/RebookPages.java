package sa.tenhal.desk.appointments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.RebookEntry;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.ToRebook;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.PatientReads;

/**
 * The desk's "to rebook" list: visits declined by the patient (with the reason in their words), cancelled by the
 * clinic, or missed. "Rebook" opens the booking page with the patient, service and provider chosen: one click on a free
 * time books it, and the booking clears the entry. "Dismiss" clears it without booking.
 */
@Controller
class RebookPages {

    /** A line of the list: the entry and the visit it was, with names. */
    record RebookLine(RebookEntry entry, VisitLine visit) {}

    private final ToRebook toRebook;
    private final Scheduling scheduling;
    private final VisitLines lines;
    private final PatientReads reads;
    private final MessageSource messages;

    RebookPages(
            ToRebook toRebook, Scheduling scheduling, VisitLines lines, PatientReads reads, MessageSource messages) {
        this.toRebook = toRebook;
        this.scheduling = scheduling;
        this.lines = lines;
        this.reads = reads;
        this.messages = messages;
    }

    @GetMapping("/desk/rebook")
    @PreAuthorize(DeskPages.DESK)
    String list(Model model) {
        List<RebookEntry> entries = toRebook.open(null);
        List<AppointmentDetails> appointments = new ArrayList<>();
        for (RebookEntry e : entries) {
            appointments.add(scheduling.get(e.appointmentId()));
        }
        List<VisitLine> visits = lines.of(appointments, DeskPages.language());
        reads.listed("Appointment", "page:desk-rebook", VisitLines.patients(visits));
        Map<UUID, VisitLine> byAppointment = new HashMap<>();
        visits.forEach(v -> byAppointment.put(v.appointment().id().value(), v));
        model.addAttribute(
                "lines",
                entries.stream()
                        .map(e -> new RebookLine(
                                e, byAppointment.get(e.appointmentId().value())))
                        .toList());
        return "desk/rebook";
    }

    @PostMapping("/desk/rebook/{id}/dismiss")
    @PreAuthorize(DeskPages.DESK)
    String dismiss(@PathVariable UUID id, RedirectAttributes redirect) {
        return Forms.act(messages, redirect, "rebook.dismissed", "/desk/rebook", () -> {
            toRebook.dismiss(id);
            return id;
        });
    }
}
