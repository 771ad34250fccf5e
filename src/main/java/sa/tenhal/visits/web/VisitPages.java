package sa.tenhal.visits.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.shared.Language;
import sa.tenhal.visits.Icd10Codes;
import sa.tenhal.visits.NoteContent;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.OrderStatus;
import sa.tenhal.visits.PerformedService;
import sa.tenhal.visits.VisitId;
import sa.tenhal.visits.VisitRecords;
import sa.tenhal.visits.VisitView;
import sa.tenhal.visits.Vitals;

/**
 * The visit page: the clinician opens it from "My day", writes the note from its template, records vitals, picks
 * diagnoses and services, places orders, and signs. Every action posts a plain form (CSRF-protected) and comes back
 * to the page, with a refusal shown beside its field.
 */
@Controller
@RequestMapping("/visits")
class VisitPages {

    private static final String VIEW = "visits/visit";

    /** One part of a SOAP note, for the page to loop over. */
    record Part(String name, String text) {}

    static List<Part> soap(NoteContent note) {
        return List.of(
                new Part("subjective", note.subjective()),
                new Part("objective", note.objective()),
                new Part("assessment", note.assessment()),
                new Part("plan", note.plan()));
    }

    private final VisitRecords visits;
    private final Icd10Codes codes;
    private final PatientRegistry patients;
    private final ClinicCatalog catalog;
    private final MessageSource messages;

    VisitPages(
            VisitRecords visits,
            Icd10Codes codes,
            PatientRegistry patients,
            ClinicCatalog catalog,
            MessageSource messages) {
        this.visits = visits;
        this.codes = codes;
        this.patients = patients;
        this.catalog = catalog;
        this.messages = messages;
    }

    @PostMapping("/open")
    @PreAuthorize(VisitsController.CLINICIANS)
    String open(@RequestParam UUID appointment, RedirectAttributes redirect) {
        try {
            return "redirect:/visits/" + visits.open(new AppointmentId(appointment));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/my-day";
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize(VisitsController.READERS)
    String show(@PathVariable UUID id, @RequestParam(required = false) String q, Authentication user, Model model) {
        VisitView visit = visits.view(new VisitId(id));
        Language language = Language.of(LocaleContextHolder.getLocale());
        model.addAttribute("visit", visit);
        model.addAttribute(
                "patient", patients.find(new PatientId(visit.patientId())).orElse(null));
        model.addAttribute("clinic", catalog.clinic(new ClinicId(visit.clinicId())));
        List<ServiceDetails> clinicServices = catalog.services(new ClinicId(visit.clinicId()), true, Pageable.unpaged())
                .getContent();
        model.addAttribute("clinicServices", clinicServices);
        model.addAttribute(
                "serviceNames",
                catalog
                        .services(visit.services().stream()
                                .map(s -> new sa.tenhal.clinics.ServiceId(s.serviceId()))
                                .toList())
                        .values()
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(s -> s.id().value(), s -> s.name(language))));
        model.addAttribute(
                "performed",
                visit.services().stream().map(PerformedService::serviceId).toList());
        model.addAttribute("ranges", Vitals.RANGES);
        model.addAttribute("orderKinds", OrderKind.values());
        model.addAttribute("q", q);
        model.addAttribute("matches", q == null || q.isBlank() || q.length() > 100 ? List.of() : codes.search(q, 15));
        boolean clinician = has(user, "ROLE_PROVIDER") || has(user, "ROLE_NURSE");
        model.addAttribute("canWrite", clinician);
        model.addAttribute("canDiagnose", has(user, "ROLE_PROVIDER"));
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", visit.note());
        }
        model.addAttribute("soapParts", soap((NoteContent) model.getAttribute("note")));
        model.addAttribute("signedParts", soap(visit.note()));
        // room for three more goals than the note has
        List<NoteContent.Goal> goals = new ArrayList<>(((NoteContent) model.getAttribute("note")).goals());
        for (int i = 0; i < 3; i++) {
            goals.add(new NoteContent.Goal("", null));
        }
        model.addAttribute("goalRows", goals);
        return VIEW;
    }

    @PostMapping("/{id}/note")
    @PreAuthorize(VisitsController.CLINICIANS)
    String note(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) String sign,
            RedirectAttributes redirect) {
        List<NoteContent.Goal> goals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String goal = form.get("goal" + i);
            if (goal != null && !goal.isBlank()) {
                goals.add(new NoteContent.Goal(goal, form.get("progress" + i)));
            }
        }
        NoteContent note = new NoteContent(
                form.get("reason"),
                form.get("subjective"),
                form.get("objective"),
                form.get("assessment"),
                form.get("plan"),
                goals,
                form.get("activities"),
                form.get("homeProgramme"));
        try {
            checkLengths(note);
            visits.writeNote(new VisitId(id), version, note);
            if (sign != null) {
                visits.sign(new VisitId(id));
                redirect.addFlashAttribute("notice", "visits.signed");
            } else {
                redirect.addFlashAttribute("notice", "visits.saved");
            }
        } catch (ProblemException e) {
            redirect.addFlashAttribute("note", note);
            refused(redirect, e);
        }
        return back(id, "note");
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize(VisitsController.CLINICIANS)
    String sign(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, "note", redirect, "visits.signed", () -> visits.sign(new VisitId(id)));
    }

    @PostMapping("/{id}/addenda")
    @PreAuthorize(VisitsController.CLINICIANS)
    String addendum(@PathVariable UUID id, @RequestParam String text, RedirectAttributes redirect) {
        return act(id, "note", redirect, "visits.addendumAdded", () -> visits.addendum(new VisitId(id), text));
    }

    @PostMapping("/{id}/vitals")
    @PreAuthorize(VisitsController.CLINICIANS)
    String vitals(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal[] decimals = new BigDecimal[4];
        Integer[] integers = new Integer[5];
        for (int i = 0; i < 9; i++) {
            String field = Vitals.RANGES.get(i).field();
            String raw = form.get(field);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                BigDecimal value = new BigDecimal(
                        sa.tenhal.shared.Digits.toAscii(raw.strip()).replace('٫', '.'));
                if (i < 4) {
                    decimals[i] = value;
                } else {
                    integers[i - 4] = value.intValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new FieldProblem(field, "must be a number"));
            }
        }
        redirect.addFlashAttribute("vitalsForm", form);
        if (!problems.isEmpty()) {
            refused(redirect, new InvalidFieldsException(problems));
            return back(id, "vitals");
        }
        return act(
                id,
                "vitals",
                redirect,
                "visits.vitalsRecorded",
                () -> visits.recordVitals(
                        new VisitId(id),
                        new Vitals(
                                decimals[0],
                                decimals[1],
                                decimals[2],
                                decimals[3],
                                integers[0],
                                integers[1],
                                integers[2],
                                integers[3],
                                integers[4]),
                        (Instant) null));
    }

    @PostMapping("/{id}/diagnoses")
    @PreAuthorize(VisitsController.PROVIDERS)
    String diagnose(
            @PathVariable UUID id,
            @RequestParam String code,
            @RequestParam(defaultValue = "false") boolean primary,
            RedirectAttributes redirect) {
        return act(
                id,
                "diagnoses",
                redirect,
                "visits.diagnosisRecorded",
                () -> visits.diagnose(new VisitId(id), code, primary));
    }

    @PostMapping("/{id}/diagnoses/{diagnosis}/remove")
    @PreAuthorize(VisitsController.PROVIDERS)
    String removeDiagnosis(@PathVariable UUID id, @PathVariable UUID diagnosis, RedirectAttributes redirect) {
        return act(id, "diagnoses", redirect, "visits.diagnosisRemoved", () -> {
            visits.removeDiagnosis(new VisitId(id), diagnosis);
            return null;
        });
    }

    @PostMapping("/{id}/services")
    @PreAuthorize(VisitsController.CLINICIANS)
    String services(
            @PathVariable UUID id,
            @RequestParam(name = "service", required = false) List<UUID> services,
            RedirectAttributes redirect) {
        List<PerformedService> performed = services == null
                ? List.of()
                : services.stream()
                        .distinct()
                        .map(s -> new PerformedService(s, 1))
                        .toList();
        return act(
                id, "services", redirect, "visits.servicesSaved", () -> visits.performed(new VisitId(id), performed));
    }

    @PostMapping("/{id}/orders")
    @PreAuthorize(VisitsController.PROVIDERS)
    String order(
            @PathVariable UUID id,
            @RequestParam(required = false) OrderKind kind,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String display,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(
                id,
                "orders",
                redirect,
                "visits.orderPlaced",
                () -> visits.order(new VisitId(id), kind, code, display, note));
    }

    @PostMapping("/{id}/orders/{order}/advance")
    @PreAuthorize(VisitsController.CLINICIANS)
    String advance(
            @PathVariable UUID id,
            @PathVariable UUID order,
            @RequestParam OrderStatus to,
            RedirectAttributes redirect) {
        return act(id, "orders", redirect, "visits.orderMoved", () -> visits.advance(order, to));
    }

    private String act(
            UUID id,
            String section,
            RedirectAttributes redirect,
            String notice,
            java.util.function.Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            refused(redirect, e);
        }
        return back(id, section);
    }

    private void refused(RedirectAttributes redirect, ProblemException e) {
        List<FieldProblem> problems = e instanceof InvalidFieldsException invalid ? invalid.errors() : List.of();
        redirect.addFlashAttribute(
                "fieldProblems",
                problems.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                FieldProblem::field, FieldProblem::reason, (a, b) -> a, java.util.LinkedHashMap::new)));
        String detail = e.getMessage();
        redirect.addFlashAttribute(
                "problem",
                problems.isEmpty()
                        ? messages.getMessage(
                                "visits.problem." + e.type(), null, detail, LocaleContextHolder.getLocale())
                        : messages.getMessage("visits.problem.fields", null, LocaleContextHolder.getLocale()));
    }

    private static void checkLengths(NoteContent note) {
        if (note.reason() != null && note.reason().length() > 500) {
            throw new InvalidFieldsException("reason", "must be at most 500 characters");
        }
        for (String text : new String[] {
            note.subjective(), note.objective(), note.assessment(), note.plan(), note.activities(), note.homeProgramme()
        }) {
            if (text != null && text.length() > 20000) {
                throw new InvalidFieldsException("note", "each part must be at most 20000 characters");
            }
        }
        for (NoteContent.Goal g : note.goals()) {
            if (g.goal().length() > 500 || (g.progress() != null && g.progress().length() > 1000)) {
                throw new InvalidFieldsException("goals", "a goal has at most 500 characters, its progress 1000");
            }
        }
    }

    private static String back(UUID id, String section) {
        return "redirect:/visits/" + id + "#" + section;
    }

    private static boolean has(Authentication user, String authority) {
        return user != null
                && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
