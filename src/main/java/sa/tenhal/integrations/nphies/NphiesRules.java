package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The elements reference part B marks as required of a NPHIES request message, and the business validations it names
 * (BV-00168, BV-00221, BV-00339, BV-00798, BV-00848), checked on Tenhal's own messages before they leave. HAPI's
 * validator cannot check these: NPHIES' profiles are not available as a package. Each broken rule is one sentence
 * naming the element.
 */
final class NphiesRules {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private NphiesRules() {}

    static List<String> check(Bundle bundle) {
        List<String> broken = new ArrayList<>();
        new Check(bundle, broken).run();
        return broken;
    }

    private static final class Check {
        final Bundle bundle;
        final List<String> broken;
        final Set<String> fullUrls = new HashSet<>();

        Check(Bundle bundle, List<String> broken) {
            this.bundle = bundle;
            this.broken = broken;
        }

        void require(boolean ok, String rule) {
            if (!ok) {
                broken.add(rule);
            }
        }

        void run() {
            require(bundle.getType() == Bundle.BundleType.MESSAGE, "Bundle.type must be message");
            require(
                    bundle.getIdPart() != null
                            && UUID.matcher(bundle.getIdPart()).matches(),
                    "Bundle.id must be a UUID");
            require(profiled(bundle, "bundle"), "Bundle.meta.profile must be the NPHIES bundle profile");
            require(bundle.getTimestamp() != null, "Bundle.timestamp is required");
            if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader)) {
                broken.add("Bundle.entry[0] must be the MessageHeader");
                return;
            }
            bundle.getEntry().forEach(e -> fullUrls.add(e.getFullUrl()));
            for (int i = 1; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
                Resource r = e.getResource();
                require(
                        e.getFullUrl() != null && e.getFullUrl().endsWith("/" + r.fhirType() + "/" + r.getIdPart()),
                        "Bundle.entry[" + i + "].fullUrl must end with " + r.fhirType() + "/<id>");
            }
            header((MessageHeader) bundle.getEntryFirstRep().getResource());
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                Resource r = e.getResource();
                if (r instanceof Claim claim) {
                    claim(claim);
                } else if (r instanceof CoverageEligibilityRequest request) {
                    eligibility(request);
                } else if (r instanceof Patient patient) {
                    patient(patient);
                } else if (r instanceof Coverage coverage) {
                    coverage(coverage);
                } else if (r instanceof Practitioner practitioner) {
                    require(
                            identifier(practitioner.getIdentifier(), Nphies.PRACTITIONER_LICENSE),
                            "Practitioner.identifier must carry the practitioner licence");
                }
            }
        }

        void header(MessageHeader h) {
            String first = bundle.getEntryFirstRep().getFullUrl();
            String id = NphiesReader.idOf(h);
            require(id != null && UUID.matcher(id).matches(), "MessageHeader.id must be a GUID (BV-00168)");
            require(("urn:uuid:" + id).equals(first), "Bundle.entry[0].fullUrl must be urn:uuid:<MessageHeader.id>");
            require(
                    profiled(h, "message-header"),
                    "MessageHeader.meta.profile must be the NPHIES message-header profile");
            require(
                    h.getEventCoding() != null
                            && Nphies.EVENTS.equals(h.getEventCoding().getSystem())
                            && Nphies.Event.of(h.getEventCoding().getCode()) != null,
                    "MessageHeader.eventCoding must be a ksa-message-events code");
            require(
                    !h.getDestination().isEmpty()
                            && h.getDestinationFirstRep().hasEndpoint()
                            && h.getDestinationFirstRep().getReceiver().hasIdentifier(),
                    "MessageHeader.destination[0] needs an endpoint and a receiver identifier");
            require(
                    h.getSender().hasIdentifier()
                            && Nphies.PROVIDER_LICENSE.equals(
                                    h.getSender().getIdentifier().getSystem())
                            && h.getSender().getIdentifier().hasValue(),
                    "MessageHeader.sender must carry the provider licence");
            require(h.getSource().hasEndpoint(), "MessageHeader.source.endpoint is required");
            require(h.getFocus().size() == 1, "MessageHeader.focus must name exactly one resource (BV-00221)");
            if (h.getFocus().size() == 1) {
                require(
                        fullUrls.contains(h.getFocusFirstRep().getReference()),
                        "MessageHeader.focus must name an entry of the Bundle");
            }
        }

        void claim(Claim c) {
            require(c.hasUse(), "Claim.use is required");
            require(c.hasIdentifier() && c.getIdentifierFirstRep().hasValue(), "Claim.identifier is required");
            require(c.getStatus() == Claim.ClaimStatus.ACTIVE, "Claim.status must be active");
            require(c.hasType() && c.hasSubType(), "Claim.type and Claim.subType are required");
            require(c.hasCreated() && c.hasPriority(), "Claim.created and Claim.priority are required");
            resolves(c.getPatient(), "Claim.patient");
            resolves(c.getInsurer(), "Claim.insurer");
            resolves(c.getProvider(), "Claim.provider");
            require(c.getPayee().hasType(), "Claim.payee.type is required");
            require(!c.getCareTeam().isEmpty(), "Claim.careTeam is required for a professional claim");
            require(!c.getDiagnosis().isEmpty(), "Claim.diagnosis needs at least one coded diagnosis");
            for (int i = 0; i < c.getDiagnosis().size(); i++) {
                require(!c.getDiagnosis().get(i).getType().isEmpty(), "Claim.diagnosis[" + i + "].type is required");
            }
            require(
                    c.getInsurance().size() >= 1
                            && c.getInsuranceFirstRep().getFocal()
                            && c.getInsuranceFirstRep().getSequence() == 1,
                    "Claim.insurance[0] must be sequence 1 and focal");
            if (!c.getInsurance().isEmpty()) {
                resolves(c.getInsuranceFirstRep().getCoverage(), "Claim.insurance[0].coverage");
            }
            require(!c.getItem().isEmpty(), "Claim.item needs at least one service line");
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < c.getItem().size(); i++) {
                Claim.ItemComponent item = c.getItem().get(i);
                String at = "Claim.item[" + i + "]";
                require(item.getProductOrService().hasCoding(), at + ".productOrService is required");
                require(item.hasServiced(), at + ".servicedDate is required");
                require(
                        item.hasQuantity() && item.hasUnitPrice() && item.hasNet(),
                        at + ": quantity, unitPrice and net");
                Money tax = money(item.getExtensionByUrl(Nphies.EXTENSION + "tax"));
                Money share = money(item.getExtensionByUrl(Nphies.EXTENSION + "patient-share"));
                require(tax != null, at + " needs extension-tax (the VAT on the line)");
                require(share != null, at + " needs extension-patient-share");
                if (tax != null && item.hasQuantity() && item.hasUnitPrice() && item.hasNet()) {
                    BigDecimal expected = item.getUnitPrice()
                            .getValue()
                            .multiply(item.getQuantity().getValue())
                            .add(tax.getValue());
                    require(
                            expected.compareTo(item.getNet().getValue()) == 0,
                            at + ".net must be unitPrice × quantity + tax");
                    sum = sum.add(item.getNet().getValue());
                }
            }
            require(
                    c.hasTotal() && c.getTotal().getValue().compareTo(sum) == 0,
                    "Claim.total must be the sum of the items' net");
        }

        void eligibility(CoverageEligibilityRequest r) {
            require(r.hasIdentifier(), "CoverageEligibilityRequest.identifier is required");
            require(
                    r.getStatus() == CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE,
                    "CoverageEligibilityRequest.status must be active");
            require(r.hasPriority() && r.hasPurpose(), "CoverageEligibilityRequest.priority and purpose are required");
            require(r.hasServiced() && r.hasCreated(), "CoverageEligibilityRequest.serviced and created are required");
            resolves(r.getPatient(), "CoverageEligibilityRequest.patient");
            resolves(r.getProvider(), "CoverageEligibilityRequest.provider");
            resolves(r.getInsurer(), "CoverageEligibilityRequest.insurer");
            require(!r.getInsurance().isEmpty(), "CoverageEligibilityRequest.insurance is required");
            if (!r.getInsurance().isEmpty()) {
                resolves(r.getInsuranceFirstRep().getCoverage(), "CoverageEligibilityRequest.insurance[0].coverage");
            }
        }

        void patient(Patient p) {
            require(!p.getIdentifier().isEmpty(), "Patient.identifier is required");
            for (Identifier id : p.getIdentifier()) {
                require(
                        id.hasType()
                                && id.hasSystem()
                                && id.hasValue()
                                && id.getValue().length() <= 50,
                        "Patient.identifier needs type, system and a value of at most 50 characters");
                String system = id.getSystem();
                if ("http://nphies.sa/identifier/nationalid".equals(system)) {
                    require(id.getValue().matches("1\\d{9}"), "a national ID is 10 digits starting with 1");
                }
                if ("http://nphies.sa/identifier/iqama".equals(system)) {
                    require(id.getValue().matches("2\\d{9}"), "an iqama is 10 digits starting with 2 (BV-00798)");
                }
            }
            require(p.getActive(), "Patient.active must be true (BV-00339)");
            require(
                    p.hasBirthDate()
                            && !p.getBirthDateElement()
                                    .getValueAsCalendar()
                                    .toInstant()
                                    .isAfter(java.time.Instant.now())
                            && !LocalDate.parse(p.getBirthDateElement().getValueAsString())
                                    .isBefore(LocalDate.of(1900, 1, 1)),
                    "Patient.birthDate must lie between 1900-01-01 and today (BV-00848)");
            require(
                    p.hasGender()
                            && p.getGenderElement().getExtensionByUrl(Nphies.EXTENSION + "ksa-administrative-gender")
                                    != null,
                    "Patient.gender needs the ksa-administrative-gender extension");
            require(p.getExtensionByUrl(Nphies.EXTENSION + "occupation") != null, "Patient needs extension-occupation");
        }

        void coverage(Coverage c) {
            require(c.hasIdentifier() && c.getIdentifierFirstRep().hasValue(), "Coverage.identifier (member id)");
            require(c.hasType(), "Coverage.type is required");
            resolves(c.getBeneficiary(), "Coverage.beneficiary");
            require(c.hasRelationship(), "Coverage.relationship is required");
            require(!c.getPayor().isEmpty(), "Coverage.payor is required");
            if (!c.getPayor().isEmpty()) {
                resolves(c.getPayorFirstRep(), "Coverage.payor");
            }
        }

        void resolves(Reference reference, String element) {
            require(
                    reference != null && reference.hasReference() && fullUrls.contains(reference.getReference()),
                    element + " must name an entry of the Bundle");
        }
    }

    private static boolean profiled(Resource r, String profile) {
        return r.getMeta().getProfile().stream()
                .anyMatch(p -> Nphies.profile(profile).equals(p.getValue()));
    }

    private static boolean identifier(List<Identifier> ids, String system) {
        return ids.stream().anyMatch(i -> system.equals(i.getSystem()) && i.hasValue());
    }

    private static Money money(Extension e) {
        if (e == null) {
            return null;
        }
        Base value = e.getValue();
        return value instanceof Money m && m.hasValue() ? m : null;
    }
}
