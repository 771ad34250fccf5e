package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSR carries what an admin typed as it was typed, whatever its characters (the fuzz tests found a "#…" branch). */
class CsrTests {

    @ParameterizedTest
    @ValueSource(strings = {"#0c03616263", "Riyadh, \"North\" + <branch>", "فرع الرياض", "=;\\", "a\tb"})
    void anyBranchGoesIntoTheSubjectAsItIs(String branch) throws Exception {
        String pem = Csr.pem(
                Csr.newKeyPair(),
                new Csr.Subject(
                        "TST-886431145-399999999900003",
                        "1-Tenhal|2-0.1|3-unit",
                        "399999999900003",
                        "Tenhal #1",
                        branch,
                        "1100",
                        "#RRRD2929",
                        "Healthcare",
                        "TSTZATCA-Code-Signing"));
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            PKCS10CertificationRequest csr = (PKCS10CertificationRequest) parser.readObject();
            assertThat(IETFUtils.valueToString(
                            csr.getSubject().getRDNs(BCStyle.OU)[0].getFirst().getValue()))
                    .isEqualTo(IETFUtils.valueToString(new org.bouncycastle.asn1.DERUTF8String(branch)));
            assertThat(csr.getSubject()
                            .getRDNs(BCStyle.OU)[0]
                            .getFirst()
                            .getValue()
                            .toString())
                    .isEqualTo(branch);
            assertThat(csr.getSubject()
                            .getRDNs(BCStyle.O)[0]
                            .getFirst()
                            .getValue()
                            .toString())
                    .isEqualTo("Tenhal #1");
        }
    }
}
