package sa.tenhal.audit.web;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sa.tenhal.audit.AuditLog;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.ClinicTime;

/**
 * The audit log for admins (the API's rule: reading who did what to which patient is itself sensitive), newest first,
 * filtered by user, patient, record, action and days.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditPage {

    /** The record types the modules write, offered as suggestions (any other can be typed); a test keeps it whole. */
    static final List<String> KNOWN_RECORD_TYPES = List.of(
            "Patient",
            "PatientFile",
            "Consent",
            "Appointment",
            "AppointmentConfirmation",
            "Referral",
            "VisitRecord",
            "VisitAddendum",
            "VisitVitals",
            "VisitDiagnosis",
            "VisitOrder",
            "PatientProblem",
            "PatientClinicalRecord",
            "NoteTemplate",
            "DiagnosisCodeList",
            "Invoice",
            "Payment",
            "Account",
            "PatientPackage",
            "WaitlistEntry",
            "BreakGlass",
            "StaffUser",
            "ApiToken",
            "NphiesInsurance",
            "NphiesClaim",
            "NphiesPayer",
            "Result");

    private final AuditLog log;
    private final ClinicTime time;
    private final sa.tenhal.platform.PatientLabels labels;
    private final sa.tenhal.platform.PatientReads reads;
    private final org.springframework.context.MessageSource messages;

    AuditPage(
            AuditLog log,
            ClinicTime time,
            sa.tenhal.platform.PatientLabels labels,
            sa.tenhal.platform.PatientReads reads,
            org.springframework.context.MessageSource messages) {
        this.log = log;
        this.time = time;
        this.labels = labels;
        this.reads = reads;
        this.messages = messages;
    }

    @GetMapping
    String find(
            @ModelAttribute("filter") AuditFilterPage filter,
            BindingResult errors,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("recordTypes", KNOWN_RECORD_TYPES);
        model.addAttribute("filtered", !filter.isEmpty());
        AuditLog.Filter query = filter.toFilter(errors, time.zone());
        if (query != null) {
            int pageSize = Math.min(Math.max(size, 1), 200);
            var entries = log.find(query, PageRequest.of(Math.max(page, 0), pageSize));
            model.addAttribute("entries", entries);
            words(entries.getContent(), model);
            model.addAttribute("size", pageSize);
        }
        return "admin/audit";
    }

    /**
     * Names and words instead of ids and codes: each patient by name and file number (a read of their identity, so
     * recorded), each note in the reader's language ("Checked in", "Credit note issued", a time in clinic time).
     */
    private void words(java.util.List<sa.tenhal.audit.AuditEntry> entries, Model model) {
        java.util.Set<java.util.UUID> patients = new java.util.LinkedHashSet<>();
        for (var e : entries) {
            if (e.patientId() != null) {
                patients.add(e.patientId());
            }
            if (e.relatedPatientId() != null) {
                patients.add(e.relatedPatientId());
            }
            patients.addAll(e.listedPatients());
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Map<java.util.UUID, String> names = labels.labels(patients, locale);
        reads.listed("Patient", "page:audit", java.util.List.copyOf(names.keySet()));
        java.util.Map<Long, String> notes = new java.util.HashMap<>();
        for (var e : entries) {
            if (e.note() != null) {
                notes.put(e.id(), note(e.note(), locale));
            }
        }
        model.addAttribute("patientNames", names);
        model.addAttribute("notes", notes);
    }

    private static final java.util.regex.Pattern RESCHEDULED =
            java.util.regex.Pattern.compile("rescheduled from (\\S+)");

    /** A note as words: a known code or phrase from the messages ({@code auditNote.<it>}), a moved time in clinic time. */
    String note(String note, java.util.Locale locale) {
        String key = "auditNote." + note.strip().replace(' ', '_');
        String known = messages.getMessage(key, null, null, locale);
        if (known != null) {
            return known;
        }
        java.util.regex.Matcher moved = RESCHEDULED.matcher(note);
        if (moved.matches()) {
            try {
                java.time.Instant from = java.time.Instant.parse(moved.group(1));
                String when = time.local(from)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale));
                return messages.getMessage("auditNote.rescheduledFrom", new Object[] {when}, note, locale);
            } catch (java.time.format.DateTimeParseException e) {
                return note;
            }
        }
        // "ROUTINE automatic", "issued CREDIT_NOTE": word by word where the words are known
        StringBuilder words = new StringBuilder();
        for (String part : note.split(" ")) {
            String word = messages.getMessage("auditNote." + part, null, null, locale);
            words.append(words.isEmpty() ? "" : " ").append(word == null ? part : word);
        }
        return words.toString();
    }
}
