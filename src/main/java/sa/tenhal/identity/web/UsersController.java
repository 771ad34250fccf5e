package sa.tenhal.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
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
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.identity.ApiTokenView;
import sa.tenhal.identity.IssuedToken;
import sa.tenhal.identity.NewStaffUser;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccount;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.identity.StaffUserChanges;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.Versions;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Staff users", description = "Staff users, roles and API tokens (ADMIN)")
class UsersController {

    private static final Map<String, String> SORTS =
            Map.of("username", "username", "fullNameEn", "fullNameEn", "createdAt", "createdAt");

    private final StaffAccounts accounts;

    UsersController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "List staff users, optionally by role")
    PagedModel<UserResponse> list(@RequestParam(required = false) Role role, @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by("username"));
        return new PagedModel<>(accounts.list(role, page).map(UserResponse::of));
    }

    @PostMapping
    @Operation(summary = "Create a staff user (without a password, the user gets a set-password link)")
    ResponseEntity<UserResponse> create(@Valid @RequestBody NewStaffUser request) {
        StaffAccount created = accounts.create(request);
        return ResponseEntity.created(
                        URI.create("/api/v1/users/" + created.member().id()))
                .eTag(Versions.etag(created.version()))
                .body(UserResponse.of(created));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserResponse> get(@PathVariable UUID id) {
        StaffAccount account = accounts.get(new UserId(id));
        return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(UserResponse.of(account));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a user's details, roles and enabled state (If-Match required)")
    ResponseEntity<UserResponse> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StaffUserChanges changes) {
        StaffAccount account = accounts.update(new UserId(id), Versions.expected(ifMatch), changes);
        return ResponseEntity.ok().eTag(Versions.etag(account.version())).body(UserResponse.of(account));
    }

    record PasswordReset(
            @NotBlank @Size(min = 10, max = 128, message = "{tenhal.validation.password-length}")
            String password) {}

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a user's password (ends their sessions)")
    ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset request) {
        accounts.setPassword(new UserId(id), request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/password-link")
    @Operation(summary = "Email the user a new one-time set-password link (valid 48 hours)")
    ResponseEntity<Void> sendPasswordLink(@PathVariable UUID id) {
        accounts.sendPasswordSetupLink(new UserId(id));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{id}/unlock")
    @Operation(
            summary = "Lift the sign-in waits of an account",
            description = "Failed sign-ins never lock an account; they make the address (or, when attempts fail from"
                    + " many addresses, every address the user has not signed in from) wait between attempts. This"
                    + " lets the user try again at once, from any address, on every node.")
    ResponseEntity<UserResponse> unlock(@PathVariable UUID id) {
        accounts.liftSignInDelays(new UserId(id));
        return get(id);
    }

    @GetMapping("/{id}/tokens")
    List<ApiTokenView> tokens(@PathVariable UUID id) {
        return accounts.tokens(new UserId(id));
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(730) Integer validForDays) {}

    @PostMapping("/{id}/tokens")
    @Operation(summary = "Issue an API token; the response holds the token, shown this once")
    ResponseEntity<IssuedToken> issueToken(@PathVariable UUID id, @Valid @RequestBody TokenRequest request) {
        Duration validFor = request.validForDays() == null ? null : Duration.ofDays(request.validForDays());
        UserId issuer = StaffPrincipal.current().map(StaffPrincipal::id).orElse(null);
        IssuedToken issued = accounts.issueToken(new UserId(id), request.name(), validFor, issuer);
        return ResponseEntity.created(URI.create(
                        "/api/v1/users/" + id + "/tokens/" + issued.details().id()))
                .body(issued);
    }

    @DeleteMapping("/{id}/tokens/{tokenId}")
    @Operation(summary = "Revoke an API token")
    ApiTokenView revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
        return accounts.revokeToken(new UserId(id), tokenId);
    }
}
