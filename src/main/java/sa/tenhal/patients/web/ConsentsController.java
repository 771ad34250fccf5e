package sa.tenhal.patients.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.patients.ConsentDetails;
import sa.tenhal.patients.ConsentForm;
import sa.tenhal.patients.Consents;
import sa.tenhal.patients.PatientId;

@RestController
@Tag(name = "Consents", description = "Consents given by patients or their guardians")
class ConsentsController {

    private static final String RECORDERS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')";

    private final Consents consents;

    ConsentsController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping("/api/v1/patients/{id}/consents")
    @PreAuthorize(PatientsController.STAFF)
    List<ConsentDetails> ofPatient(@PathVariable UUID id) {
        return consents.ofPatient(new PatientId(id));
    }

    @PostMapping("/api/v1/patients/{id}/consents")
    @PreAuthorize(RECORDERS)
    ResponseEntity<ConsentDetails> record(@PathVariable UUID id, @Valid @RequestBody ConsentForm form) {
        ConsentDetails consent = consents.record(new PatientId(id), form);
        return ResponseEntity.created(URI.create("/api/v1/consents/" + consent.id()))
                .body(consent);
    }

    @PostMapping("/api/v1/consents/{consentId}/withdraw")
    @PreAuthorize(RECORDERS)
    ConsentDetails withdraw(@PathVariable UUID consentId, @Valid @RequestBody PatientsController.Reason request) {
        return consents.withdraw(consentId, request.reason());
    }
}
