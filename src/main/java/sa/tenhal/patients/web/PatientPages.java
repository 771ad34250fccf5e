package sa.tenhal.patients.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.patients.ConsentForm;
import sa.tenhal.patients.ConsentKind;
import sa.tenhal.patients.Consents;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.GuardianRelation;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientFiles;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientSummaries;
import sa.tenhal.patients.PatientSummary;
import sa.tenhal.patients.PatientSummaryContributor;
import sa.tenhal.patients.Sex;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.platform.StaleVersionException;

/** The patient pages: find, register (with duplicate warnings), the profile (audited), edit, files, consents. */
@Controller
@RequestMapping("/patients")
class PatientPages {

    record Country(String code, String name) {}

    /** A module's section of the summary with the fragment that draws it. */
    record Panel(String template, Object data) {}

    private final PatientRegistry registry;
    private final PatientSummaries summaries;
    private final PatientFiles files;
    private final Consents consents;
    private final Validator validator;
    private final List<PatientSummaryContributor> contributors;
    private final ClinicTime time;
    private final String centre;
    private final PatientAccess access;

    PatientPages(
            PatientRegistry registry,
            PatientSummaries summaries,
            PatientFiles files,
            Consents consents,
            Validator validator,
            List<PatientSummaryContributor> contributors,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centre,
            PatientAccess access) {
        this.access = access;
        this.registry = registry;
        this.summaries = summaries;
        this.files = files;
        this.consents = consents;
        this.validator = validator;
        this.contributors = contributors;
        this.time = time;
        this.centre = centre;
    }

    /** The nationality list per language: 250 names sorted, the same for every page of every user in that language. */
    private final java.util.Map<String, List<Country>> countries = new java.util.concurrent.ConcurrentHashMap<>();

    @ModelAttribute
    void choices(Model model) {
        // keyed by the two languages only: a crafted language cookie must not grow the map
        String language = "ar".equals(LocaleContextHolder.getLocale().getLanguage()) ? "ar" : "en";
        model.addAttribute(
                "countries", countries.computeIfAbsent(language, l -> java.util.Arrays.stream(Locale.getISOCountries())
                        .map(code -> new Country(code, new Locale("", code).getDisplayCountry(new Locale(l))))
                        .sorted(Comparator.comparing((Country c) -> !c.code().equals("SA"))
                                .thenComparing(Country::name))
                        .toList()));
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("documentTypes", IdentityDocumentType.values());
        model.addAttribute("relations", GuardianRelation.values());
        model.addAttribute("channelChoices", ContactChannel.values());
        model.addAttribute("consentKinds", ConsentKind.values());
    }

    @GetMapping
    @PreAuthorize(PatientsController.STAFF)
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute(
                        "results", registry.search(q.strip(), null, null, null, null, Math.max(page, 0), 20));
            } catch (InvalidFieldsException e) {
                model.addAttribute("problem", e.errors().get(0).reason());
            }
        }
        return "patients/search";
    }

    @GetMapping("/new")
    @PreAuthorize(PatientsController.REGISTRARS)
    String registerForm(Model model) {
        model.addAttribute("form", new PatientFormPage());
        return "patients/form";
    }

    @PostMapping
    @PreAuthorize(PatientsController.REGISTRARS)
    String register(
            @ModelAttribute("form") PatientFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        PatientForm request = form.toForm(errors);
        if (request != null) {
            Forms.validate(validator, request, errors, form::pageField);
            Forms.rejectUnmarked(errors, registry.problems(request), form::pageField);
        }
        if (errors.hasErrors()) {
            return "patients/form";
        }
        try {
            PatientDetails patient = registry.register(request, form.isAcknowledgeDuplicates(), centre);
            redirect.addFlashAttribute("notice", "patients.registered");
            return "redirect:/patients/" + patient.id();
        } catch (InvalidFieldsException e) {
            Forms.reject(errors, e, form::pageField);
            return "patients/form";
        } catch (ConflictException e) {
            return conflict(e, model);
        }
    }

    private String conflict(ConflictException e, Model model) {
        if ("possible-duplicates".equals(e.type())) {
            model.addAttribute("candidates", e.properties().get("candidates"));
        } else if ("duplicate-patient".equals(e.type())) {
            model.addAttribute("existingPatient", e.properties().get("existingPatientId"));
            model.addAttribute("existingMrn", e.properties().get("existingMrn"));
        } else {
            throw e;
        }
        return "patients/form";
    }

    @GetMapping("/{id}")
    @PreAuthorize(PatientsController.STAFF)
    String profile(@PathVariable UUID id, Model model) {
        PatientSummary summary = summaries.summary(new PatientId(id));
        List<Panel> panels = new ArrayList<>();
        for (PatientSummaryContributor contributor : contributors) {
            Object section = summary.sections().get(contributor.section());
            if (contributor.pageTemplate() != null && section != null) {
                panels.add(new Panel(contributor.pageTemplate(), section));
            }
        }
        model.addAttribute("summary", summary);
        model.addAttribute("panels", panels);
        // which kinds of the patient's data this user sees: the page leaves out the sections of the others
        model.addAttribute(
                "sees",
                access.sight(new PatientId(id)).kinds().stream()
                        .map(Enum::name)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("centre", centre);
        model.addAttribute("today", time.today());
        model.addAttribute(
                "nationality",
                new Locale("", summary.patient().nationality()).getDisplayCountry(LocaleContextHolder.getLocale()));
        model.addAttribute("hasFileHere", summary.files().stream().anyMatch(f -> f.centreCode()
                .equals(centre)));
        return "patients/profile";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(PatientsController.REGISTRARS)
    String editForm(@PathVariable UUID id, Model model) {
        PatientDetails patient = registry.view(new PatientId(id));
        model.addAttribute("form", PatientFormPage.of(patient));
        model.addAttribute("patientId", id);
        return "patients/form";
    }

    @PostMapping("/{id}")
    @PreAuthorize(PatientsController.REGISTRARS)
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") PatientFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("patientId", id);
        PatientForm request = form.toForm(errors);
        if (request != null) {
            Forms.validate(validator, request, errors, form::pageField);
            Forms.rejectUnmarked(errors, registry.problems(request), form::pageField);
        }
        if (errors.hasErrors()) {
            return "patients/form";
        }
        try {
            registry.update(new PatientId(id), form.getVersion(), request);
            redirect.addFlashAttribute("notice", "patients.saved");
            return "redirect:/patients/" + id;
        } catch (InvalidFieldsException e) {
            Forms.reject(errors, e, form::pageField);
            return "patients/form";
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
            return "patients/form";
        } catch (ConflictException e) {
            return conflict(e, model);
        }
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String archive(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes redirect) {
        return act(id, redirect, "patients.archived", () -> registry.archive(new PatientId(id), reason));
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "patients.restored", () -> registry.restore(new PatientId(id)));
    }

    @PostMapping("/{id}/files")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    String openFile(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "patients.fileOpened", () -> files.open(new PatientId(id), centre));
    }

    @PostMapping("/{id}/files/{fileId}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    String closeFile(
            @PathVariable UUID id,
            @PathVariable UUID fileId,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "patients.fileClosed", () -> files.close(fileId, reason));
    }

    @PostMapping("/{id}/files/{fileId}/reopen")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')")
    String reopenFile(
            @PathVariable UUID id,
            @PathVariable UUID fileId,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "patients.fileReopened", () -> files.reopen(fileId, reason));
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
    String recordConsent(
            @PathVariable UUID id,
            @RequestParam ConsentKind kind,
            @RequestParam(required = false) UUID guardianId,
            @RequestParam String textVersion,
            RedirectAttributes redirect) {
        ConsentForm.GivenBy by = guardianId == null ? ConsentForm.GivenBy.PATIENT : ConsentForm.GivenBy.GUARDIAN;
        return act(
                id,
                redirect,
                "patients.consentRecorded",
                () -> consents.record(new PatientId(id), new ConsentForm(kind, by, guardianId, textVersion, null)));
    }

    @PostMapping("/{id}/consents/{consentId}/withdraw")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
    String withdrawConsent(
            @PathVariable UUID id,
            @PathVariable UUID consentId,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "patients.consentWithdrawn", () -> consents.withdraw(consentId, reason));
    }

    /** Runs an action from the profile; its refusal comes back as a readable message on the profile. */
    private String act(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidFieldsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).reason());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/patients/" + id;
    }
}
