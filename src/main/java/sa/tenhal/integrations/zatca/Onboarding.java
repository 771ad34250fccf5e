package sa.tenhal.integrations.zatca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.finance.DocumentKind;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Payer;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Onboards a centre's e-invoicing unit with ZATCA, step by step (reference §A8): a secp256k1 key and a CSR from the
 * centre's registration data; the compliance CSID for the OTP an admin types; the compliance checks (a signed sample
 * of each document type the unit issues); the production CSID; its renewal. The private key and the CSIDs' secrets
 * are kept encrypted ({@link KeyVault}), never shown, never logged.
 */
@Service
@Transactional
public class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final Units units;
    private final KeyVault vault;
    private final ZatcaApi api;
    private final ZatcaProperties properties;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final StampKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    Onboarding(
            Units units,
            KeyVault vault,
            ZatcaApi api,
            ZatcaProperties properties,
            ClinicCatalog catalog,
            ClinicTime time,
            StampKeys keys) {
        this.units = units;
        this.vault = vault;
        this.api = api;
        this.properties = properties;
        this.catalog = catalog;
        this.time = time;
        this.keys = keys;
    }

    /** Step 1: a new key pair and CSR (a unit not yet in production starts over; one in production is renewed). */
    public UnitView generate(String centreCode, String branch) {
        CentreDetails centre = centre(centreCode);
        requireRegistration(centre);
        Unit existing = units.lockFor(centreCode).orElse(null);
        if (existing != null && existing.state() == Unit.State.PRODUCTION) {
            throw new ConflictException(
                    "zatca-unit-in-production", "Unit in production", "the unit has a production CSID: renew it");
        }
        UUID unitId = existing == null ? UUID.randomUUID() : existing.id();
        String serial = "1-" + properties.solutionName() + "|2-" + properties.version() + "|3-" + unitId;
        String unitBranch = branch == null || branch.isBlank()
                ? existing != null ? existing.branch() : centre.nameEn()
                : branch.strip();
        if (unitBranch.length() > Csr.MAX_NAME) {
            // X.520's upper bound for an organisational unit's name; longer would be refused by ZATCA, later and less
            // clearly
            throw new InvalidFieldsException("branch", "is at most " + Csr.MAX_NAME + " characters");
        }
        KeyPair pair = Csr.newKeyPair();
        String csr = Csr.pem(pair, subject(centre, unitId, serial, unitBranch));
        byte[] sealedKey = vault.seal(pair.getPrivate().getEncoded());
        if (existing == null) {
            units.insert(new Unit(
                    unitId,
                    centreCode,
                    commonName(centre, unitId),
                    serial,
                    properties.environment(),
                    properties.invoiceTypes(),
                    unitBranch,
                    properties.industry(),
                    Unit.State.KEY_GENERATED,
                    sealedKey,
                    csr,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    Ubl.FIRST_PIH,
                    time.now(),
                    time.now()));
        } else {
            units.rekey(unitId, sealedKey, csr, serial, time.now());
        }
        return view(centreCode);
    }

    /** Step 2: the compliance CSID for the OTP from ZATCA's Fatoora portal. */
    public UnitView complianceCsid(String centreCode, String otp) {
        if (otp == null || !otp.strip().matches("[0-9]{6}")) {
            throw new InvalidFieldsException("otp", "is the 6-digit code from ZATCA's Fatoora portal");
        }
        Unit unit = lock(centreCode);
        if (unit.state() != Unit.State.KEY_GENERATED && unit.state() != Unit.State.COMPLIANCE_CSID) {
            throw ConflictException.illegalTransition("unit", unit.state(), "request a compliance CSID for");
        }
        ZatcaApi.Answer answer = api.complianceCsid(otp.strip(), Csr.forApi(unit.csr()));
        ZatcaApi.Credentials credentials = credentials(answer, "compliance CSID");
        X509Certificate certificate = Crypto.certificate(credentials.certificate());
        units.complianceCsid(
                unit.id(),
                answer.body().path("requestID").asString(),
                credentials.token(),
                vault.sealText(credentials.secret()),
                credentials.certificate(),
                certificate.getNotAfter().toInstant(),
                time.now());
        return view(centreCode);
    }

    /**
     * Step 3: a signed sample of each document type the unit issues (standard and simplified invoice, credit note,
     * debit note) through ZATCA's compliance checks. Returns each check's outcome.
     */
    public UnitView complianceChecks(String centreCode) {
        Unit unit = lock(centreCode);
        if (unit.complianceToken() == null) {
            throw ConflictException.illegalTransition("unit", unit.state(), "run the compliance checks of");
        }
        CentreDetails centre = centre(centreCode);
        StampKey key = StampKey.of(
                Crypto.privateKey(vault.open(unit.privateKey())),
                new String(java.util.Base64.getDecoder().decode(unit.complianceToken())));
        ZatcaApi.Credentials credentials =
                new ZatcaApi.Credentials(unit.complianceToken(), vault.openText(unit.complianceSecret()));
        ArrayNode results = json.createArrayNode();
        boolean passed = true;
        String pih = Ubl.FIRST_PIH;
        long icv = 1;
        for (InvoiceView sample : samples(centreCode)) {
            InvoiceView original = sample.kind() == DocumentKind.INVOICE ? null : sample;
            UblWriter.Input input = new UblWriter.Input(
                    sample,
                    original,
                    centre,
                    ZatcaSeal.buyerOf(sample, properties),
                    icv++,
                    pih,
                    time.local(time.now()).toLocalDateTime().withNano(0));
            Stamper.Stamped stamped = Stamper.stamp(input, key);
            pih = stamped.hash();
            ZatcaApi.Answer answer = api.complianceInvoice(
                    credentials, stamped.hash(), sample.id().value().toString(), stamped.xml());
            boolean ok = answer.status() == 200 || answer.status() == 202;
            passed &= ok;
            var result = results.addObject();
            result.put(
                    "document",
                    (input.simplified() ? "simplified " : "standard ")
                            + sample.kind().name().toLowerCase().replace('_', ' '));
            result.put("status", answer.status());
            result.put("passed", ok);
            result.set("errors", answer.body().path("validationResults").path("errorMessages"));
        }
        units.complianceChecks(unit.id(), passed, json.writeValueAsString(results), time.now());
        return view(centreCode);
    }

    /** Step 4: the production CSID, once the compliance checks passed. */
    public UnitView productionCsid(String centreCode) {
        Unit unit = lock(centreCode);
        if (unit.state() != Unit.State.COMPLIANT) {
            throw ConflictException.illegalTransition("unit", unit.state(), "request a production CSID for");
        }
        ZatcaApi.Credentials compliance =
                new ZatcaApi.Credentials(unit.complianceToken(), vault.openText(unit.complianceSecret()));
        ZatcaApi.Answer answer = api.productionCsid(compliance, unit.complianceRequestId());
        ZatcaApi.Credentials credentials = credentials(answer, "production CSID");
        X509Certificate certificate = Crypto.certificate(credentials.certificate());
        units.production(
                unit.id(),
                credentials.token(),
                vault.sealText(credentials.secret()),
                credentials.certificate(),
                certificate.getNotAfter().toInstant(),
                time.now());
        keys.forget(unit.id());
        log.info(
                "ZATCA unit of centre {} is in production, certificate valid to {}",
                centreCode,
                certificate.getNotAfter().toInstant());
        return view(centreCode);
    }

    /** Renews the production CSID with a new key and CSR and the OTP an admin types; the chain goes on. */
    public UnitView renew(String centreCode, String otp) {
        if (otp == null || !otp.strip().matches("[0-9]{6}")) {
            throw new InvalidFieldsException("otp", "is the 6-digit code from ZATCA's Fatoora portal");
        }
        Unit unit = lock(centreCode);
        if (unit.state() != Unit.State.PRODUCTION) {
            throw ConflictException.illegalTransition("unit", unit.state(), "renew");
        }
        CentreDetails centre = centre(centreCode);
        KeyPair pair = Csr.newKeyPair();
        String csr = Csr.pem(pair, subject(centre, unit.id(), unit.serialNumber(), unit.branch()));
        ZatcaApi.Credentials production =
                new ZatcaApi.Credentials(unit.productionToken(), vault.openText(unit.productionSecret()));
        ZatcaApi.Answer answer = api.renewProductionCsid(production, otp.strip(), Csr.forApi(csr));
        ZatcaApi.Credentials credentials = credentials(answer, "renewed production CSID");
        X509Certificate certificate = Crypto.certificate(credentials.certificate());
        units.renewed(
                unit.id(),
                vault.seal(pair.getPrivate().getEncoded()),
                csr,
                credentials.token(),
                vault.sealText(credentials.secret()),
                credentials.certificate(),
                certificate.getNotAfter().toInstant(),
                time.now());
        keys.forget(unit.id());
        return view(centreCode);
    }

    /**
     * The simulator's shortcut for the embedded default and the tests: every step at once, the first time a centre
     * issues (joins the issuing transaction; a concurrent onboarding of the same centre waits and keeps the first).
     */
    void onboardOnSimulator(String centreCode) {
        if (units.find(centreCode).isEmpty()) {
            // a concurrent first issue of the same centre inserts too: one insert wins, the other waits for it
            generate(centreCode, null);
        }
        Unit unit = units.lockFor(centreCode).orElseThrow();
        if (unit.state() == Unit.State.PRODUCTION) {
            return;
        }
        if (unit.state() == Unit.State.KEY_GENERATED) {
            complianceCsid(centreCode, "123456");
            unit = units.lockFor(centreCode).orElseThrow();
        }
        if (unit.state() == Unit.State.COMPLIANCE_CSID) {
            complianceChecks(centreCode);
            // the simulator's checks may flag the centre's data; the simulator issues the production CSID anyway
            Unit checked = units.lockFor(centreCode).orElseThrow();
            if (checked.state() == Unit.State.COMPLIANCE_CSID) {
                units.complianceChecks(checked.id(), true, checked.complianceChecks(), time.now());
            }
        }
        productionCsid(centreCode);
    }

    @Transactional(readOnly = true)
    public UnitView view(String centreCode) {
        Unit unit = units.find(centreCode).orElseThrow(() -> new NotFoundException("ZATCA unit", centreCode));
        return UnitView.of(unit, properties, time.now());
    }

    @Transactional(readOnly = true)
    public List<UnitView> all() {
        List<UnitView> views = new ArrayList<>();
        for (Unit unit : units.all()) {
            views.add(UnitView.of(unit, properties, time.now()));
        }
        return views;
    }

    private Unit lock(String centreCode) {
        return units.lockFor(centreCode).orElseThrow(() -> new NotFoundException("ZATCA unit", centreCode));
    }

    private CentreDetails centre(String centreCode) {
        return catalog.centre(centreCode);
    }

    private static void requireRegistration(CentreDetails centre) {
        List<sa.tenhal.platform.FieldProblem> problems = new ArrayList<>();
        if (centre.vatNumber() == null || !centre.vatNumber().matches("3[0-9]{13}3")) {
            problems.add(new sa.tenhal.platform.FieldProblem(
                    "vatNumber", "the centre needs its 15-digit VAT number (first and last digit 3)"));
        }
        if (centre.crNumber() == null || centre.crNumber().isBlank()) {
            problems.add(new sa.tenhal.platform.FieldProblem("crNumber", "the centre needs its CR number"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private Csr.Subject subject(CentreDetails centre, UUID unitId, String serial, String branch) {
        String address = String.join(
                " ",
                java.util.stream.Stream.of(centre.buildingNumber(), centre.street(), centre.city())
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return new Csr.Subject(
                commonName(centre, unitId),
                serial,
                centre.vatNumber(),
                centre.nameEn(),
                branch,
                properties.invoiceTypes(),
                address.isBlank() ? centre.code() : address,
                properties.industry(),
                properties.certificateTemplate());
    }

    private static String commonName(CentreDetails centre, UUID unitId) {
        return "TENHAL-" + centre.code() + "-" + unitId.toString().substring(0, 8);
    }

    private static ZatcaApi.Credentials credentials(ZatcaApi.Answer answer, String what) {
        JsonNode body = answer.body();
        if (answer.status() != 200 || body.path("binarySecurityToken").isMissingNode()) {
            String detail =
                    body.path("errors").isArray() && !body.path("errors").isEmpty()
                            ? body.path("errors").get(0).path("message").asString()
                            : body.path("message").asString("HTTP " + answer.status());
            if (answer.status() == 400) {
                throw new InvalidFieldsException("otp", "ZATCA refused the " + what + ": " + detail);
            }
            throw new ConflictException(
                    "zatca-refused",
                    "ZATCA refused",
                    "ZATCA refused the " + what + " (HTTP " + answer.status() + "): " + detail);
        }
        return new ZatcaApi.Credentials(
                body.path("binarySecurityToken").asString(), body.path("secret").asString());
    }

    /** One sample of each type: standard and simplified invoice, and a credit and a debit note of each. */
    private List<InvoiceView> samples(String centreCode) {
        List<InvoiceView> samples = new ArrayList<>();
        for (Payer payer : List.of(Payer.INSURER, Payer.PATIENT)) {
            for (DocumentKind kind : DocumentKind.values()) {
                samples.add(sample(centreCode, payer, kind));
            }
        }
        return samples;
    }

    private InvoiceView sample(String centreCode, Payer payer, DocumentKind kind) {
        java.math.BigDecimal net = new java.math.BigDecimal("100.00");
        java.math.BigDecimal vat = new java.math.BigDecimal("15.00");
        java.math.BigDecimal total = new java.math.BigDecimal("115.00");
        var line = new InvoiceView.Line(
                1,
                null,
                "Compliance sample service",
                "خدمة اختبار الامتثال",
                1,
                net,
                net,
                java.math.BigDecimal.ZERO,
                null,
                null,
                java.math.BigDecimal.ZERO,
                net,
                "S",
                new java.math.BigDecimal("15.00"),
                null,
                null,
                vat,
                total);
        return new InvoiceView(
                new InvoiceId(UUID.randomUUID()),
                kind,
                payer,
                InvoiceStatus.ISSUED,
                centreCode,
                "COMPLIANCE-" + kind.series() + "-" + payer.name().charAt(0),
                null,
                null,
                null,
                null,
                null,
                null,
                payer == Payer.INSURER ? "COMPLIANCE" : null,
                payer == Payer.INSURER ? "Compliance Insurance Co." : null,
                payer == Payer.INSURER ? "Compliance Insurance Co." : "Compliance Patient",
                null,
                kind == DocumentKind.INVOICE ? null : "compliance check",
                java.math.BigDecimal.ZERO,
                null,
                null,
                net,
                java.math.BigDecimal.ZERO,
                net,
                vat,
                total,
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                total,
                time.today(),
                time.today(),
                time.now(),
                time.today(),
                List.of(line),
                0);
    }
}
