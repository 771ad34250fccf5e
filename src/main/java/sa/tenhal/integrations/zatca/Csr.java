package sa.tenhal.integrations.zatca;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The key pair and certificate signing request of an e-invoicing unit, as ZATCA's onboarding takes it (SEC-STD §2.2.2;
 * the SDK's CSR config): a secp256k1 key; subject {@code C=SA, OU=<branch>, O=<organisation>, CN=<unit name>}; the
 * certificate template name (extension 1.3.6.1.4.1.311.20.2) of the environment; a subject alternative name
 * (directory name) with SN = {@code 1-<solution>|2-<version>|3-<unit uuid>}, UID = VAT number, title = the invoice
 * types, registeredAddress and businessCategory; signed with ECDSA SHA-256.
 */
final class Csr {

    static final ASN1ObjectIdentifier TEMPLATE_NAME = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2");

    /** X.520's upper bound for a name in the subject (ub-organizational-unit-name, ub-organization-name). */
    static final int MAX_NAME = 64;

    /** What goes into the CSR. */
    record Subject(
            String commonName,
            String serialNumber,
            String vatNumber,
            String organisation,
            String branch,
            String invoiceTypes,
            String address,
            String industry,
            String template) {}

    private Csr() {}

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.BC);
            generator.initialize(new ECGenParameterSpec("secp256k1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSR as PEM text. */
    static String pem(KeyPair keys, Subject s) {
        // the values from the centre's data and the admin's form go in as UTF8Strings themselves (what BCStyle would
        // make of them), never as text for BouncyCastle to parse: a value starting with "#" is hex DER to it
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "SA")
                .addRDN(BCStyle.O, new DERUTF8String(s.organisation()))
                .addRDN(BCStyle.OU, new DERUTF8String(s.branch()))
                .addRDN(BCStyle.CN, new DERUTF8String(s.commonName()))
                .build();
        X500Name alternative = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.SURNAME, new DERUTF8String(s.serialNumber()))
                .addRDN(BCStyle.UID, new DERUTF8String(s.vatNumber()))
                .addRDN(BCStyle.T, new DERUTF8String(s.invoiceTypes()))
                .addRDN(new ASN1ObjectIdentifier("2.5.4.26"), new DERUTF8String(s.address()))
                .addRDN(BCStyle.BUSINESS_CATEGORY, new DERUTF8String(s.industry()))
                .build();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(TEMPLATE_NAME, false, new DERUTF8String(s.template()));
            extensions.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.directoryName, alternative)));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .setProvider(Crypto.BC)
                            .build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("the CSR could not be built", e);
        }
    }

    /** The CSR as ZATCA's API takes it: base64 of the PEM text. */
    static String forApi(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static PKCS10CertificationRequest parse(String base64OfPem) {
        try {
            String pem = new String(Base64.getDecoder().decode(base64OfPem.strip()), StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new PKCS10CertificationRequest(Base64.getDecoder().decode(body));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CSR: " + e.getMessage());
        }
    }
}
