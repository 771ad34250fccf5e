package sa.tenhal.integrations.zatca;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Payer;
import sa.tenhal.finance.TaxDocumentSeal;
import sa.tenhal.finance.TaxDocumentSeal.Message;
import sa.tenhal.finance.TaxDocumentSeal.State;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;

/**
 * Finance's {@link TaxDocumentSeal}: inside the transaction that issues a document, takes the centre's unit's row lock,
 * gives the document the next ICV and the previous hash as PIH, writes the UBL document, stamps it, advances the
 * chain, keeps the exact bytes and opens its submission (reporting for a simplified document, clearance for a standard
 * one). Anything failing here rolls the issue back: no document without its seal, no gap in the chain.
 */
@Component
class ZatcaSeal implements TaxDocumentSeal {

    static final String PARTNER = "ZATCA";

    private final Units units;
    private final SealedDocuments documents;
    private final Submissions submissions;
    private final StampKeys keys;
    private final Onboarding onboarding;
    private final ClinicCatalog catalog;
    private final ZatcaProperties properties;
    private final ClinicTime time;

    ZatcaSeal(
            Units units,
            SealedDocuments documents,
            Submissions submissions,
            StampKeys keys,
            Onboarding onboarding,
            ClinicCatalog catalog,
            ZatcaProperties properties,
            ClinicTime time) {
        this.units = units;
        this.documents = documents;
        this.submissions = submissions;
        this.keys = keys;
        this.onboarding = onboarding;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void seal(InvoiceView document, InvoiceView original) {
        String centreCode = document.centreCode();
        Unit unit = units.lockFor(centreCode).orElse(null);
        if ((unit == null || unit.state() != Unit.State.PRODUCTION) && properties.autoOnboard()) {
            onboarding.onboardOnSimulator(centreCode);
            unit = units.lockFor(centreCode).orElse(null);
        }
        if (unit == null || unit.state() != Unit.State.PRODUCTION) {
            throw new ConflictException(
                    "zatca-unit-not-onboarded",
                    "E-invoicing unit not onboarded",
                    "centre " + centreCode + " has no e-invoicing unit with a production CSID: onboard it on"
                            + " /admin/zatca before issuing tax documents");
        }
        CentreDetails centre = catalog.centre(centreCode);
        long icv = unit.lastIcv() + 1;
        UblWriter.Input input = new UblWriter.Input(
                document,
                original,
                centre,
                buyerOf(document, properties),
                icv,
                unit.lastHash(),
                time.local(document.issuedAt()).toLocalDateTime().withNano(0));
        Stamper.Stamped stamped = Stamper.stamp(input, keys.of(unit));
        units.advance(unit.id(), icv, stamped.hash());
        documents.insert(new SealedDocuments.Sealed(
                document.id().value(),
                unit.id(),
                icv,
                document.number(),
                document.kind().name(),
                !input.simplified(),
                stamped.hash(),
                unit.lastHash(),
                stamped.qr(),
                stamped.xml(),
                null,
                null,
                document.issuedAt()));
        submissions.open(
                PARTNER,
                input.simplified() ? "REPORTING" : "CLEARANCE",
                document.id().value(),
                time.now());
    }

    @Override
    public Optional<String> qrCode(InvoiceId document) {
        return documents.qr(document.value());
    }

    @Override
    public Optional<State> state(InvoiceId id) {
        return documents.find(id.value()).flatMap(document -> submissions
                .find(PARTNER, id.value())
                .map(s -> new State(
                        s.state().name(),
                        s.operation(),
                        document.icv(),
                        document.hash(),
                        document.clearedXml() != null,
                        s.attempts(),
                        s.lastAttemptAt(),
                        s.acceptedAt(),
                        messages(s.messages()))));
    }

    @Override
    public Optional<byte[]> document(InvoiceId id) {
        return documents.find(id.value()).map(SealedDocuments.Sealed::current);
    }

    @Override
    public List<UUID> notAccepted() {
        return submissions.notAccepted(PARTNER);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    static List<Message> messages(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Message> list = new java.util.ArrayList<>();
        for (var m : JSON.readTree(json)) {
            list.add(new Message(
                    m.path("type").asString(""),
                    m.path("code").asString(""),
                    m.path("message").asString("")));
        }
        return list;
    }

    /** The buyer of a document: the patient (a citizen's national id as NAT) or the insurer (configured details). */
    static UblWriter.Buyer buyerOf(InvoiceView document, ZatcaProperties properties) {
        if (document.payer() == Payer.INSURER) {
            ZatcaProperties.BuyerParty party =
                    document.insurerId() == null ? null : properties.buyers().get(document.insurerId());
            String name = document.insurerName() != null ? document.insurerName() : document.buyerName();
            if (party == null) {
                return new UblWriter.Buyer(
                        name,
                        document.insurerId() == null ? null : "OTH",
                        document.insurerId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            return new UblWriter.Buyer(
                    party.name() != null ? party.name() : name,
                    party.crNumber() != null ? "CRN" : "OTH",
                    party.crNumber() != null ? party.crNumber() : document.insurerId(),
                    party.vatNumber(),
                    party.street(),
                    party.buildingNumber(),
                    party.district(),
                    party.city(),
                    party.postalCode());
        }
        boolean citizen = document.buyerNationalId() != null
                && !document.buyerNationalId().isBlank();
        return new UblWriter.Buyer(
                document.buyerName(),
                citizen ? "NAT" : null,
                citizen ? document.buyerNationalId() : null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
