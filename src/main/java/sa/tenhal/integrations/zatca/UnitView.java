package sa.tenhal.integrations.zatca;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A unit as admins see it: never its key or secrets. {@code certificateExpiresSoon} warns within
 * {@code tenhal.zatca.certificate-warning} of the end of the certificate's validity.
 */
public record UnitView(
        UUID id,
        String centreCode,
        String commonName,
        String serialNumber,
        String environment,
        String invoiceTypes,
        String branch,
        String industry,
        String state,
        String csr,
        String certificateSubject,
        String certificateIssuer,
        String certificateSerial,
        Instant certificateExpiresAt,
        boolean certificateExpiresSoon,
        boolean certificateExpired,
        String complianceChecks,
        long nextIcv,
        String lastHash) {

    static UnitView of(Unit u, ZatcaProperties properties, Instant now) {
        String subject = null;
        String issuer = null;
        String serial = null;
        if (u.certificate() != null) {
            var certificate = Crypto.certificate(u.certificate());
            subject = certificate.getSubjectX500Principal().toString();
            issuer = certificate.getIssuerX500Principal().toString();
            serial = certificate.getSerialNumber().toString();
        }
        Instant expires = u.certificateExpiresAt();
        Duration warning = properties.certificateWarning();
        return new UnitView(
                u.id(),
                u.centreCode(),
                u.commonName(),
                u.serialNumber(),
                u.environment(),
                u.invoiceTypes(),
                u.branch(),
                u.industry(),
                u.state().name(),
                u.csr(),
                subject,
                issuer,
                serial,
                expires,
                expires != null && expires.minus(warning).isBefore(now),
                expires != null && expires.isBefore(now),
                u.complianceChecks(),
                u.lastIcv() + 1,
                u.lastHash());
    }
}
