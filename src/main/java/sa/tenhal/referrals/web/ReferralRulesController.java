package sa.tenhal.referrals.web;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.platform.Versions;
import sa.tenhal.referrals.AutoReferrals;
import sa.tenhal.referrals.ClinicalTrigger;
import sa.tenhal.referrals.ReferralDetails;
import sa.tenhal.referrals.ReferralRuleDetails;
import sa.tenhal.referrals.ReferralRuleForm;

@RestController
@RequestMapping("/api/v1/referral-rules")
@Tag(name = "Referral rules", description = "Automatic referrals: when a service completes or a finding is recorded")
class ReferralRulesController {

    private static final String MANAGERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final AutoReferrals rules;

    ReferralRulesController(AutoReferrals rules) {
        this.rules = rules;
    }

    @GetMapping
    @PreAuthorize(ReferralsController.CLINICAL)
    List<ReferralRuleDetails> list() {
        return rules.list();
    }

    @GetMapping("/{id}")
    @PreAuthorize(ReferralsController.CLINICAL)
    ResponseEntity<ReferralRuleDetails> find(@PathVariable UUID id) {
        ReferralRuleDetails rule = rules.find(id);
        return ResponseEntity.ok().eTag(Versions.etag(rule.version())).body(rule);
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    ResponseEntity<ReferralRuleDetails> create(@Valid @RequestBody ReferralRuleForm form) {
        ReferralRuleDetails rule = rules.create(form);
        return ResponseEntity.created(URI.create("/api/v1/referral-rules/" + rule.id()))
                .eTag(Versions.etag(rule.version()))
                .body(rule);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Replace (If-Match required); deactivate with active=false")
    ResponseEntity<ReferralRuleDetails> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ReferralRuleForm form) {
        ReferralRuleDetails rule = rules.update(id, Versions.expected(ifMatch), form);
        return ResponseEntity.ok().eTag(Versions.etag(rule.version())).body(rule);
    }

    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER', 'NURSE')")
    @Operation(
            summary = "Run the rules for a recorded diagnosis (ICD-10) or assessment outcome; returns the referrals"
                    + " created (completed services are checked automatically)")
    List<ReferralDetails> check(@Valid @RequestBody ClinicalTrigger trigger) {
        return rules.check(trigger);
    }
}
