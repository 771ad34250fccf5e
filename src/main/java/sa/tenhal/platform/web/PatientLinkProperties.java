package sa.tenhal.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on the patients' link pages ({@code /p/...}): requests per minute from one address and for one link. A link
 * is opened and answered in two or three requests; a clinic's Wi-Fi puts many patients behind one address.
 *
 * @param perAddressPerMinute requests one address may make per minute
 * @param perLinkPerMinute requests one link may receive per minute
 */
@ConfigurationProperties("tenhal.patient-links")
record PatientLinkProperties(int perAddressPerMinute, int perLinkPerMinute) {

    PatientLinkProperties {
        if (perAddressPerMinute <= 0) {
            perAddressPerMinute = 60;
        }
        if (perLinkPerMinute <= 0) {
            perLinkPerMinute = 12;
        }
    }
}
