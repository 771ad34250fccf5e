package sa.tenhal.referrals.web;

import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.referrals.ReferralDetails;
import sa.tenhal.referrals.ReferralStatus;
import sa.tenhal.referrals.Referrals;
import sa.tenhal.referrals.Urgency;

/**
 * The referrals pages: a clinic's incoming referrals to answer and the ones it sent, and the form to refer a patient.
 * A provider sees the clinics they work in; reception, managers and admins see every clinic.
 */
@Controller
@RequestMapping("/referrals")
@PreAuthorize(ReferralsController.CLINICAL)
class ReferralPages {

    /** One line of the list: the referral with the names a person reads, and what the viewer may do with it. */
    record Line(
            ReferralDetails referral,
            String patientName,
            String mrn,
            ClinicDetails from,
            ClinicDetails to,
            boolean mayAnswer) {}

    private final Referrals referrals;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final Validator validator;
    private final MessageSource messages;
    private final PatientReads reads;

    ReferralPages(
            Referrals referrals,
            ClinicCatalog catalog,
            PatientRegistry patients,
            Validator validator,
            MessageSource messages,
            PatientReads reads) {
        this.reads = reads;
        this.referrals = referrals;
        this.catalog = catalog;
        this.patients = patients;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "incoming") String view,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean incoming = !view.equals("sent");
        Pageable pageable = PageRequest.of(
                Math.max(page, 0),
                25,
                Paging.unique(Sort.by(Sort.Direction.ASC, "respondBy").and(Sort.by("createdAt"))));
        Optional<Set<UUID>> mine = myClinics();
        Page<ReferralDetails> found = mine.isPresent()
                ? referrals.ofClinics(mine.get(), incoming, status, pageable)
                : referrals.search(status, null, null, null, pageable);
        Map<ClinicId, ClinicDetails> clinics = catalog.clinics(found.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.fromClinicId(), r.toClinicId()))
                .filter(java.util.Objects::nonNull)
                .map(ClinicId::new)
                .collect(Collectors.toSet()));
        Map<UUID, Optional<PatientDetails>> people = new HashMap<>();
        List<Line> lines = found.stream()
                .map(r -> {
                    // no patient on a referral the reader may not see whose it is (outside their care team)
                    Optional<PatientDetails> patient = r.patientId() == null
                            ? Optional.empty()
                            : people.computeIfAbsent(r.patientId(), id -> patients.find(new PatientId(id)));
                    return new Line(
                            r,
                            patient.map(p -> p.fullName(sa.tenhal.shared.Language.of(
                                            org.springframework.context.i18n.LocaleContextHolder.getLocale())))
                                    .orElse("—"),
                            patient.map(PatientDetails::mrn).orElse(null),
                            clinics.get(new ClinicId(r.fromClinicId())),
                            r.toClinicId() == null ? null : clinics.get(new ClinicId(r.toClinicId())),
                            incoming && referrals.mayAnswer(r));
                })
                .toList();
        reads.listed(
                "Referral",
                "page:referrals",
                found.stream()
                        .map(ReferralDetails::patientId)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        model.addAttribute("view", incoming ? "incoming" : "sent");
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("lines", lines);
        model.addAttribute("page", found.getNumber());
        model.addAttribute("hasMore", found.hasNext());
        return "referrals/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam UUID patient, Model model) {
        ReferralFormPage form = new ReferralFormPage();
        form.setPatientId(patient);
        myClinics()
                .filter(c -> c.size() == 1)
                .ifPresent(c -> form.setFromClinicId(c.iterator().next()));
        return showForm(form, model);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ReferralFormPage form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var request = form.toForm(myProvider()
                .map(p -> p.worksIn(clinicOrNull(form.getFromClinicId())) ? p.id().value() : null)
                .orElse(null));
        Forms.validate(validator, request, errors, field -> field);
        if (errors.hasErrors()) {
            return showForm(form, model);
        }
        try {
            referrals.create(request);
        } catch (InvalidFieldsException e) {
            Forms.reject(errors, e, field -> field);
            return showForm(form, model);
        } catch (ConflictException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
            return showForm(form, model);
        }
        redirect.addFlashAttribute("notice", "referrals.made");
        return "redirect:/patients/" + form.getPatientId() + "#referrals";
    }

    /**
     * Accepts; with {@code book}, goes on to the booking page for the patient — the first appointment booked in the
     * receiving clinic is linked to the referral by itself.
     */
    @PostMapping("/{id}/accept")
    String accept(
            @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean book, RedirectAttributes redirect) {
        String back = act(redirect, "referrals.accepted", () -> referrals.accept(id));
        if (book && redirect.getFlashAttributes().containsKey("notice")) {
            redirect.addFlashAttribute("notice", "referrals.acceptedNowBook");
            return "redirect:/book?patient=" + referrals.find(id).patientId();
        }
        return back;
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, "referrals.rejected", () -> referrals.reject(id, reason));
    }

    @PostMapping("/{id}/complete")
    String complete(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "referrals.completed", () -> referrals.complete(id));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, "referrals.cancelled", () -> referrals.cancel(id, reason));
    }

    private String act(RedirectAttributes redirect, String notice, Supplier<ReferralDetails> action) {
        ReferralDetails done;
        try {
            done = action.get();
        } catch (InvalidFieldsException | ConflictException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, (ProblemException) e));
            return "redirect:/referrals";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/referrals"
                + (done.toClinicId() != null
                                && myClinics()
                                        .map(c -> !c.contains(done.toClinicId()))
                                        .orElse(false)
                        ? "?view=sent"
                        : "");
    }

    private String showForm(ReferralFormPage form, Model model) {
        if (form.getPatientId() == null) {
            // a form sent without its patient (not one the page made): a 400 naming the field, not a 500
            throw new sa.tenhal.platform.MalformedRequestException("patientId", "is required");
        }
        // read as a person reads a record: refused outside a clinician's care team, and audited
        PatientDetails patient = patients.view(new PatientId(form.getPatientId()));
        List<ClinicDetails> all = catalog.clinics(null, true, PageRequest.of(0, 500, Sort.by("centreCode", "code")))
                .getContent();
        Optional<Set<UUID>> mine = myClinics();
        List<ClinicDetails> from = mine.map(ids ->
                        all.stream().filter(c -> ids.contains(c.id().value())).toList())
                .orElse(all);
        // A referral stays within a centre: offer the clinics of the centres the referrer works in.
        Set<String> centres = from.stream().map(ClinicDetails::centreCode).collect(Collectors.toSet());
        model.addAttribute("form", form);
        model.addAttribute("patient", patient);
        model.addAttribute(
                "clinics",
                all.stream().filter(c -> centres.contains(c.centreCode())).toList());
        model.addAttribute("fromClinics", from);
        model.addAttribute("urgencies", Urgency.values());
        return "referrals/form";
    }

    /** The clinics the signed-in provider works in; empty means "every clinic" (reception, managers, admins). */
    private Optional<Set<UUID>> myClinics() {
        if (!onlyClinical()) {
            return Optional.empty();
        }
        return Optional.of(myProvider()
                .map(p -> p.clinicIds().stream().map(ClinicId::value).collect(Collectors.toSet()))
                .orElse(Set.of()));
    }

    private Optional<ProviderDetails> myProvider() {
        UUID user = Actor.currentUserId();
        return user == null ? Optional.empty() : catalog.providerOf(new UserId(user));
    }

    private static ClinicId clinicOrNull(UUID id) {
        return id == null ? new ClinicId(new UUID(0, 0)) : new ClinicId(id);
    }

    /** A provider or nurse without a desk or management role works in their own clinics only. */
    private static boolean onlyClinical() {
        return !Referrals.answersForEveryClinic();
    }
}
