package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.ProviderFeeds;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.documents.CalendarFiles;

/**
 * A provider's private calendar subscription: the provider (or an admin or manager) makes one — the address is shown
 * once, only its token's hash is kept — or revokes it; calendars read it at {@code /p/calendar/<token>.ics}.
 */
@RestController
@Tag(name = "Calendar feeds")
class ProviderFeedController {

    private final ProviderFeeds feeds;
    private final ClinicCatalog catalog;
    private final String baseUrl;

    ProviderFeedController(ProviderFeeds feeds, ClinicCatalog catalog, @Value("${tenhal.base-url}") String baseUrl) {
        this.feeds = feeds;
        this.catalog = catalog;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @PostMapping("/api/v1/providers/{id}/calendar-feed")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER')")
    @Operation(summary = "A new private calendar subscription address (replaces the previous one; shown once)")
    ResponseEntity<Map<String, String>> issue(@PathVariable UUID id) {
        ProviderId provider = ownOrManaged(id);
        String token = feeds.issue(provider);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Map.of("url", baseUrl + ProviderFeeds.path(token)));
    }

    @DeleteMapping("/api/v1/providers/{id}/calendar-feed")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER')")
    @Operation(summary = "Revoke the provider's calendar subscription")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        feeds.revoke(ownOrManaged(id));
        return ResponseEntity.noContent().build();
    }

    /** The feed itself: read-only, no session; 404 for unknown and revoked addresses. */
    @GetMapping("/p/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return feeds.feed(token)
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(CalendarFiles.MEDIA_TYPE))
                        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                        .body(file))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A provider manages their own feed; admins and managers any provider's. */
    private ProviderId ownOrManaged(UUID id) {
        ProviderId provider = new ProviderId(id);
        var details = catalog.provider(provider);
        var roles = Actor.roles();
        if (!roles.contains("ROLE_ADMIN")
                && !roles.contains("ROLE_MANAGER")
                && (details.userId() == null || !details.userId().value().equals(Actor.currentUserId()))) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only the provider, a manager or an admin manages this calendar feed");
        }
        return provider;
    }
}
