package sa.tenhal.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.identity.StaffPrincipal;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in staff user")
class MeController {

    private final StaffAccounts accounts;

    MeController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record Me(UUID id, String username, String displayName, Set<Role> roles) {}

    @GetMapping
    Me me(@AuthenticationPrincipal StaffPrincipal principal) {
        return new Me(principal.id().value(), principal.getUsername(), principal.displayName(), principal.roles());
    }

    record PasswordChange(
            @NotBlank String currentPassword,

            @NotBlank @Size(min = 10, max = 128, message = "{tenhal.validation.password-length}")
            String newPassword) {}

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(
            @AuthenticationPrincipal StaffPrincipal principal, @Valid @RequestBody PasswordChange request) {
        accounts.changeOwnPassword(principal.id(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
