package sa.tenhal.integrations.zatca;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ZATCA e-invoicing settings ({@code tenhal.zatca.*}); switching environments is configuration only.
 *
 * @param environment {@code simulator} (the in-process simulator: the embedded default and the tests),
 *     {@code sandbox} (ZATCA's developer portal), {@code simulation} or {@code production}
 * @param baseUrl ZATCA's API base; empty for the environment's own
 * @param keyEncryptionKey base64 of 32 bytes (AES-256) that encrypts the units' private keys and CSID secrets at rest;
 *     required outside the simulator
 * @param autoOnboard onboard a centre's unit through the simulator the first time it issues (simulator only)
 * @param solutionName the EGS solution name in the CSR's serial number ({@code 1-<name>|2-<version>|3-<uuid>})
 * @param version the EGS version in the serial number
 * @param industry the industry (business category) in the CSR
 * @param invoiceTypes ZATCA's TSCZ map of the types the unit issues ({@code 1100}: standard and simplified)
 * @param connectTimeout connect timeout of the calls to ZATCA
 * @param readTimeout read timeout of the calls to ZATCA
 * @param firstRetry the first retry after a 429, 5xx or timeout; doubled per attempt up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param certificateWarning how long before the certificate expires the admin page warns
 * @param buyers insurers' and companies' tax identities and addresses by insurer id (standard invoices need them)
 */
@ConfigurationProperties("tenhal.zatca")
record ZatcaProperties(
        String environment,
        String baseUrl,
        String keyEncryptionKey,
        Boolean autoOnboard,
        String solutionName,
        String version,
        String industry,
        String invoiceTypes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration firstRetry,
        Duration maxRetryDelay,
        Duration certificateWarning,
        Map<String, BuyerParty> buyers) {

    /** A buyer that is a company (an insurer): VAT number, CR number and national address. */
    record BuyerParty(
            String name,
            String vatNumber,
            String crNumber,
            String street,
            String buildingNumber,
            String district,
            String city,
            String postalCode) {}

    ZatcaProperties {
        environment = environment == null || environment.isBlank()
                ? "simulator"
                : environment.strip().toLowerCase();
        autoOnboard = autoOnboard == null ? simulator(environment) : autoOnboard;
        solutionName = solutionName == null ? "Tenhal" : solutionName;
        version = version == null ? "1.0" : version;
        industry = industry == null ? "Healthcare" : industry;
        invoiceTypes = invoiceTypes == null ? "1100" : invoiceTypes;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        certificateWarning = certificateWarning == null ? Duration.ofDays(30) : certificateWarning;
        buyers = buyers == null ? Map.of() : buyers;
    }

    private static boolean simulator(String environment) {
        return "simulator".equals(environment);
    }

    boolean simulator() {
        return simulator(environment);
    }

    /** The API base of the environment (reference §A8). */
    String apiBase() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl;
        }
        return switch (environment) {
            case "simulator" -> "http://zatca-simulator.local/e-invoicing/simulator";
            case "sandbox" -> "https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal";
            case "simulation" -> "https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation";
            case "production" -> "https://gw-fatoora.zatca.gov.sa/e-invoicing/core";
            default -> throw new IllegalStateException("tenhal.zatca.environment: unknown " + environment);
        };
    }

    /** The certificate template name the CSR asks for (extension 1.3.6.1.4.1.311.20.2). */
    String certificateTemplate() {
        return switch (environment) {
            case "production" -> "ZATCA-Code-Signing";
            case "simulation" -> "PREZATCA-Code-Signing";
            default -> "TSTZATCA-Code-Signing";
        };
    }
}
