package sa.tenhal.integrations.zatca;

import java.time.Instant;
import java.util.UUID;

/** A centre's e-invoicing unit (EGS) as stored: secrets stay encrypted here ({@link KeyVault} opens them). */
record Unit(
        UUID id,
        String centreCode,
        String commonName,
        String serialNumber,
        String environment,
        String invoiceTypes,
        String branch,
        String industry,
        State state,
        byte[] privateKey,
        String csr,
        String complianceRequestId,
        String complianceToken,
        byte[] complianceSecret,
        String productionToken,
        byte[] productionSecret,
        String certificate,
        Instant certificateExpiresAt,
        String complianceChecks,
        long lastIcv,
        String lastHash,
        Instant createdAt,
        Instant updatedAt) {

    /** Onboarding, step by step: key and CSR; compliance CSID; compliance checks passed; production CSID. */
    enum State {
        KEY_GENERATED,
        COMPLIANCE_CSID,
        COMPLIANT,
        PRODUCTION
    }
}
