package sa.tenhal.patients.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import sa.tenhal.patients.PatientFileDetails;
import sa.tenhal.patients.PatientFiles;
import sa.tenhal.patients.PatientId;

@RestController
@Tag(name = "Patient files", description = "File numbers per centre and year; close and reopen with a reason")
class PatientFilesController {

    private static final String FILE_CLERKS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')";

    private final PatientFiles files;

    PatientFilesController(PatientFiles files) {
        this.files = files;
    }

    @GetMapping("/api/v1/patients/{id}/files")
    @PreAuthorize(PatientsController.STAFF)
    List<PatientFileDetails> ofPatient(@PathVariable UUID id) {
        return files.ofPatient(new PatientId(id));
    }

    record Open(@NotBlank @Size(max = 10) String centreCode) {}

    @PostMapping("/api/v1/patients/{id}/files")
    @PreAuthorize(FILE_CLERKS)
    @Operation(summary = "Open a file at a centre (the next number of that centre and year)")
    ResponseEntity<PatientFileDetails> open(@PathVariable UUID id, @Valid @RequestBody Open request) {
        PatientFileDetails file = files.open(new PatientId(id), request.centreCode());
        return ResponseEntity.created(URI.create("/api/v1/files/" + file.id())).body(file);
    }

    @GetMapping("/api/v1/files/{fileId}")
    @PreAuthorize(PatientsController.STAFF)
    PatientFileDetails get(@PathVariable UUID fileId) {
        return files.get(fileId);
    }

    @PostMapping("/api/v1/files/{fileId}/close")
    @PreAuthorize(FILE_CLERKS)
    PatientFileDetails close(@PathVariable UUID fileId, @Valid @RequestBody PatientsController.Reason request) {
        return files.close(fileId, request.reason());
    }

    @PostMapping("/api/v1/files/{fileId}/reopen")
    @PreAuthorize(FILE_CLERKS)
    PatientFileDetails reopen(@PathVariable UUID fileId, @Valid @RequestBody PatientsController.Reason request) {
        return files.reopen(fileId, request.reason());
    }
}
