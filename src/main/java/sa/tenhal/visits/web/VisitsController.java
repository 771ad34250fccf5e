package sa.tenhal.visits.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.Versions;
import sa.tenhal.visits.ClaimCodes;
import sa.tenhal.visits.DiagnosisView;
import sa.tenhal.visits.Icd10Code;
import sa.tenhal.visits.Icd10Codes;
import sa.tenhal.visits.NoteContent;
import sa.tenhal.visits.NoteTemplate;
import sa.tenhal.visits.NoteTemplates;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.OrderStatus;
import sa.tenhal.visits.OrderView;
import sa.tenhal.visits.PerformedService;
import sa.tenhal.visits.ProblemView;
import sa.tenhal.visits.TimelineEntry;
import sa.tenhal.visits.VisitId;
import sa.tenhal.visits.VisitRecords;
import sa.tenhal.visits.VisitView;
import sa.tenhal.visits.Vitals;
import sa.tenhal.visits.VitalsView;

/**
 * The visit record's API (docs/visits.md). Who may do what is the role × action table of docs/security.md; for
 * which patients is the care team (clinicians) or everyone (managers, admins); finance reads only the claim codes.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Visits", description = "The visit record: notes, vitals, coded diagnoses and services, orders, signing")
class VisitsController {

    /** Who reads visit records (clinicians: their care team's). */
    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER', 'NURSE')";
    /** Who writes in a visit: the clinicians. */
    static final String CLINICIANS = "hasAnyRole('PROVIDER', 'NURSE')";
    /** Who diagnoses and orders. */
    static final String PROVIDERS = "hasRole('PROVIDER')";
    /** Who reads what a claim needs. */
    static final String CLAIMS = "hasAnyRole('ADMIN', 'MANAGER', 'FINANCE', 'PROVIDER', 'NURSE')";

    static final String MANAGERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final VisitRecords visits;
    private final Icd10Codes codes;
    private final NoteTemplates templates;

    VisitsController(VisitRecords visits, Icd10Codes codes, NoteTemplates templates) {
        this.visits = visits;
        this.codes = codes;
        this.templates = templates;
    }

    record OpenVisit(@NotNull UUID appointmentId) {}

    record Addendum(@NotNull @Size(min = 1, max = 5000) String text) {}

    record VitalsForm(
            BigDecimal weightKg,
            BigDecimal heightCm,
            BigDecimal headCircumferenceCm,
            BigDecimal temperatureC,
            Integer heartRate,
            Integer respiratoryRate,
            Integer systolic,
            Integer diastolic,
            Integer spo2,
            Instant measuredAt) {}

    record DiagnosisForm(@NotNull @Size(max = 10) String code, Boolean primary) {}

    record ServicesForm(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull ServiceLine> services) {}

    record ServiceLine(@NotNull UUID serviceId, Integer quantity) {}

    record OrderForm(
            @NotNull OrderKind kind,
            @NotNull @Size(max = 20) String code,
            @NotNull @Size(max = 300) String display,
            @Size(max = 1000) String note) {}

    record OrderStep(@NotNull OrderStatus status) {}

    record Resolve(LocalDate resolvedOn) {}

    record Loaded(int codes) {}

    /** A note template as a manager writes it ({@code goals}: one per line). */
    record TemplateForm(
            @Size(max = 500) String reason,
            @Size(max = 5000) String subjective,
            @Size(max = 5000) String objective,
            @Size(max = 5000) String assessment,
            @Size(max = 5000) String plan,
            @Size(max = 5000) String goals,
            @Size(max = 5000) String activities,
            @Size(max = 5000) String homeProgramme) {}

    @PostMapping("/visits")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "Open the record of an appointment's visit (idempotent; the appointment has started)")
    ResponseEntity<VisitView> open(@Valid @RequestBody OpenVisit form) {
        VisitId id = visits.open(new AppointmentId(form.appointmentId()));
        VisitView view = visits.view(id);
        return ResponseEntity.created(URI.create("/api/v1/visits/" + id))
                .eTag(Versions.etag(view.version()))
                .body(view);
    }

    @GetMapping("/visits/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<VisitView> get(@PathVariable UUID id) {
        VisitView view = visits.view(new VisitId(id));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/appointments/{id}/visit")
    @PreAuthorize(READERS)
    @Operation(summary = "The record of an appointment's visit (404 when it has none yet)")
    ResponseEntity<VisitView> ofAppointment(@PathVariable UUID id) {
        VisitView view = visits.forAppointment(new AppointmentId(id))
                .orElseThrow(() -> new NotFoundException("Visit record of appointment", id));
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/visits/{id}/note")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "Write the note (If-Match required; refused with 409 once signed)")
    ResponseEntity<VisitView> writeNote(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody NoteContent note) {
        VisitView view = visits.writeNote(new VisitId(id), Versions.expected(ifMatch), note);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PostMapping("/visits/{id}/sign")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "Sign the note as the acting clinician; it is locked from then on")
    VisitView sign(@PathVariable UUID id) {
        return visits.sign(new VisitId(id));
    }

    @PostMapping("/visits/{id}/addenda")
    @PreAuthorize(CLINICIANS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an addendum to a signed note")
    VisitView addendum(@PathVariable UUID id, @Valid @RequestBody Addendum form) {
        return visits.addendum(new VisitId(id), form.text());
    }

    @PostMapping("/visits/{id}/vitals")
    @PreAuthorize(CLINICIANS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record vitals and measurements (422 naming the field outside its plausible range)")
    VitalsView vitals(@PathVariable UUID id, @RequestBody VitalsForm form) {
        if (form == null) {
            throw new InvalidFieldsException("vitals", "must contain at least one measurement");
        }
        Vitals vitals = new Vitals(
                form.weightKg(),
                form.heightCm(),
                form.headCircumferenceCm(),
                form.temperatureC(),
                form.heartRate(),
                form.respiratoryRate(),
                form.systolic(),
                form.diastolic(),
                form.spo2());
        return visits.recordVitals(new VisitId(id), vitals, form.measuredAt());
    }

    @PostMapping("/visits/{id}/diagnoses")
    @PreAuthorize(PROVIDERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a coded diagnosis (ICD-10), primary or secondary; it joins the problem list")
    DiagnosisView diagnose(@PathVariable UUID id, @Valid @RequestBody DiagnosisForm form) {
        return visits.diagnose(new VisitId(id), form.code(), Boolean.TRUE.equals(form.primary()));
    }

    @DeleteMapping("/visits/{id}/diagnoses/{diagnosisId}")
    @PreAuthorize(PROVIDERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a diagnosis recorded by mistake (before signing)")
    void removeDiagnosis(@PathVariable UUID id, @PathVariable UUID diagnosisId) {
        visits.removeDiagnosis(new VisitId(id), diagnosisId);
    }

    @PutMapping("/visits/{id}/services")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "Set the services performed (finance bills these; the booked one until changed)")
    List<PerformedService> services(@PathVariable UUID id, @Valid @RequestBody ServicesForm form) {
        return visits.performed(
                new VisitId(id),
                form.services().stream()
                        .map(s -> {
                            int quantity = s.quantity() == null ? 1 : s.quantity();
                            if (quantity < 1 || quantity > 20) {
                                throw new InvalidFieldsException("services.quantity", "must be 1 to 20");
                            }
                            return new PerformedService(s.serviceId(), quantity);
                        })
                        .toList());
    }

    @PostMapping("/visits/{id}/orders")
    @PreAuthorize(PROVIDERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Place a laboratory (LOINC) or imaging (procedure code) order")
    OrderView order(@PathVariable UUID id, @Valid @RequestBody OrderForm form) {
        return visits.order(new VisitId(id), form.kind(), form.code(), form.display(), form.note());
    }

    @PostMapping("/orders/{id}/status")
    @PreAuthorize(CLINICIANS)
    @Operation(summary = "Move an order one step: ORDERED → SENT → RESULTED → REVIEWED")
    OrderView advance(@PathVariable UUID id, @Valid @RequestBody OrderStep step) {
        return visits.advance(id, step.status());
    }

    @GetMapping("/visits/{id}/claim")
    @PreAuthorize(CLAIMS)
    @Operation(summary = "What a claim needs: coded diagnoses, services performed, order codes — never the note")
    ClaimCodes claim(@PathVariable UUID id) {
        return visits.claimCodes(new VisitId(id));
    }

    @GetMapping("/patients/{id}/visits")
    @PreAuthorize(READERS)
    @Operation(summary = "The patient's visit timeline, newest first")
    List<TimelineEntry> timeline(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidFieldsException("page", "must be 0 to 10000");
        }
        if (size < 1 || size > 200) {
            throw new InvalidFieldsException("size", "must be 1 to 200");
        }
        return visits.timeline(new PatientId(id), page, size);
    }

    @GetMapping("/patients/{id}/problems")
    @PreAuthorize(READERS)
    @Operation(summary = "The patient's problem list: active first, then resolved")
    List<ProblemView> problems(@PathVariable UUID id) {
        return visits.problems(new PatientId(id));
    }

    @PostMapping("/patients/{id}/problems/{problemId}/resolve")
    @PreAuthorize(PROVIDERS)
    ProblemView resolve(
            @PathVariable UUID id, @PathVariable UUID problemId, @RequestBody(required = false) Resolve form) {
        return visits.resolveProblem(new PatientId(id), problemId, form == null ? null : form.resolvedOn());
    }

    @GetMapping("/patients/{id}/vitals")
    @PreAuthorize(READERS)
    @Operation(summary = "Every measuring of the patient's vitals, oldest first")
    List<VitalsView> patientVitals(@PathVariable UUID id) {
        return visits.vitals(new PatientId(id));
    }

    @GetMapping("/icd10")
    @PreAuthorize(CLAIMS)
    @Operation(summary = "Search ICD-10 codes by code or by words, in English or Arabic")
    List<Icd10Code> searchCodes(@RequestParam(name = "q") @Size(max = 100) String query) {
        if (query.length() > 100) {
            throw new InvalidFieldsException("q", "must be at most 100 characters");
        }
        return codes.search(query, 20);
    }

    @PostMapping(path = "/icd10", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Load a clinic's ICD-10 list from a CSV (code,title_en,title_ar); all or nothing")
    Loaded load(@RequestParam("file") MultipartFile file) throws IOException {
        return new Loaded(codes.load(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)));
    }

    @GetMapping("/note-templates")
    @PreAuthorize(READERS)
    List<NoteTemplate> templates() {
        return templates.all();
    }

    @PutMapping("/note-templates/{discipline}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Replace a discipline's note template (If-Match required)")
    ResponseEntity<NoteTemplate> template(
            @PathVariable Discipline discipline,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TemplateForm form) {
        NoteTemplate saved = templates.update(
                discipline,
                Versions.expected(ifMatch),
                new NoteTemplate(
                        discipline,
                        null,
                        form.reason(),
                        form.subjective(),
                        form.objective(),
                        form.assessment(),
                        form.plan(),
                        form.goals(),
                        form.activities(),
                        form.homeProgramme(),
                        0));
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
    }
}
