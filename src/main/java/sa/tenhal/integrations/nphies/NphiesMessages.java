package sa.tenhal.integrations.nphies;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import sa.tenhal.integrations.nphies.Nphies.Event;

/**
 * Builds Tenhal's NPHIES request messages as FHIR R4 {@code Bundle}s of type message (reference B3–B5): the
 * {@code MessageHeader} first (event code, payer as destination, the centre as sender, the main resource as focus),
 * then the main resource and every resource it names, each under the centre's base URL. The Bundle's id and the
 * MessageHeader's are the message id Tenhal keeps: a retry sends the same Bundle again.
 */
final class NphiesMessages {

    /** A {@code CoverageEligibilityRequest} for validation and benefits over the given days. */
    Bundle eligibility(
            UUID messageId,
            Instant at,
            Parties.Provider provider,
            Parties.Payer payer,
            Parties.Member member,
            LocalDate from,
            LocalDate to) {
        Message m = new Message(messageId, at, provider, payer, member);
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        request.setId(messageId.toString());
        request.getMeta().addProfile(Nphies.profile("eligibility-request"));
        request.addIdentifier()
                .setSystem(provider.baseUrl() + "/identifiers/coverageeligibilityrequest")
                .setValue("req_" + messageId);
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        request.setPriority(concept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"));
        request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.VALIDATION);
        request.addPurpose(CoverageEligibilityRequest.EligibilityRequestPurpose.BENEFITS);
        request.setPatient(m.ref(m.patient));
        request.setServiced(new Period()
                .setStartElement(new org.hl7.fhir.r4.model.DateTimeType(from.toString()))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(to.toString())));
        request.setCreated(Date.from(at));
        request.setProvider(m.ref(m.providerOrg));
        request.setInsurer(m.ref(m.insurerOrg));
        if (m.location != null) {
            request.setFacility(m.ref(m.location));
        }
        request.addInsurance().setFocal(true).setCoverage(m.ref(m.coverage));
        return m.bundle(Event.ELIGIBILITY_REQUEST, request);
    }

    /** A {@code Claim}: use {@code preauthorization} (a prior authorisation request) or {@code claim}. */
    Bundle claim(
            UUID messageId,
            Instant at,
            boolean preauthorization,
            Parties.Provider provider,
            Parties.Payer payer,
            Parties.Member member,
            Parties.ClaimContent content) {
        Message m = new Message(messageId, at, provider, payer, member);
        Claim claim = new Claim();
        claim.setId(messageId.toString());
        claim.getMeta().addProfile(Nphies.profile(preauthorization ? "professional-priorauth" : "professional-claim"));
        claim.addExtension()
                .setUrl(Nphies.EXTENSION + "episode")
                .setValue(new Identifier()
                        .setSystem(provider.baseUrl() + "/episode")
                        .setValue(content.encounterId().toString()));
        claim.addIdentifier()
                .setSystem(provider.baseUrl() + (preauthorization ? "/authorization" : "/claim"))
                .setValue(content.identifier());
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"));
        claim.setSubType(concept(Nphies.CODES + "claim-subtype", "op"));
        claim.setUse(preauthorization ? Claim.Use.PREAUTHORIZATION : Claim.Use.CLAIM);
        claim.setPatient(m.ref(m.patient));
        claim.setCreated(Date.from(at));
        claim.setInsurer(m.ref(m.insurerOrg));
        claim.setProvider(m.ref(m.providerOrg));
        claim.setPriority(concept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"));
        if (content.resubmissionOf() != null) {
            claim.addRelated()
                    .setClaim(new Reference()
                            .setType("Claim")
                            .setIdentifier(new Identifier()
                                    .setSystem(provider.baseUrl() + "/claim")
                                    .setValue(content.resubmissionOf())))
                    .setRelationship(concept(Nphies.CODES + "related-claim-relationship", "prior"));
        }
        claim.setPayee(new Claim.PayeeComponent()
                .setType(concept("http://terminology.hl7.org/CodeSystem/payeetype", "provider")));
        Practitioner practitioner = null;
        if (content.practitioner() != null) {
            practitioner = m.practitioner(content.practitioner());
            claim.addCareTeam()
                    .setSequence(1)
                    .setProvider(m.ref(practitioner))
                    .setRole(concept("http://terminology.hl7.org/CodeSystem/claimcareteamrole", "primary"))
                    .setQualification(concept(
                            Nphies.CODES + "practice-codes",
                            content.practitioner().practiceCode()));
        }
        int d = 1;
        for (Parties.Diagnosis diagnosis : content.diagnoses()) {
            claim.addDiagnosis()
                    .setSequence(d++)
                    .setDiagnosis(concept(Nphies.ICD10AM, diagnosis.code()))
                    .addType(concept(
                            Nphies.CODES + "diagnosis-type", diagnosis.principal() ? "principal" : "secondary"));
        }
        Claim.InsuranceComponent insurance =
                claim.addInsurance().setSequence(1).setFocal(true).setCoverage(m.ref(m.coverage));
        content.preAuthRefs().forEach(insurance::addPreAuthRef);
        claim.addSupportingInfo()
                .setSequence(1)
                .setCategory(concept(Nphies.CODES + "claim-information-category", "reason-for-visit"))
                .setCode(concept(Nphies.CODES + "visit-reason", content.followUp() ? "follow-up" : "new-visit"));
        Encounter encounter = m.encounter(content, practitioner);
        for (Parties.Item item : content.items()) {
            Claim.ItemComponent line = claim.addItem().setSequence(item.sequence());
            if (practitioner != null) {
                line.addCareTeamSequence(1);
            }
            for (int i = 1; i <= content.diagnoses().size(); i++) {
                line.addDiagnosisSequence(i);
            }
            line.addInformationSequence(1);
            line.addExtension().setUrl(Nphies.EXTENSION + "tax").setValue(money(item.tax()));
            line.addExtension().setUrl(Nphies.EXTENSION + "patient-share").setValue(money(item.patientShare()));
            if (item.patientInvoice() != null) {
                line.addExtension()
                        .setUrl(Nphies.EXTENSION + "patientInvoice")
                        .setValue(new Identifier()
                                .setSystem(provider.baseUrl() + "/patientInvoice")
                                .setValue(item.patientInvoice()));
            }
            line.addExtension()
                    .setUrl(Nphies.EXTENSION + "package")
                    .setValue(new org.hl7.fhir.r4.model.BooleanType(false));
            line.setProductOrService(new CodeableConcept(new Coding(item.system(), item.code(), item.display()))
                    .setText(item.display()));
            line.setServiced(date(item.servicedOn()));
            line.setQuantity(new org.hl7.fhir.r4.model.Quantity(item.quantity()));
            line.setUnitPrice(money(item.unitPrice()));
            line.setNet(money(item.net()));
            if (encounter != null) {
                line.addEncounter(m.ref(encounter));
            }
        }
        claim.setTotal(money(content.total()));
        return m.bundle(preauthorization ? Event.PRIORAUTH_REQUEST : Event.CLAIM_REQUEST, claim);
    }

    /** A poll request (a {@code Task} with code {@code poll}): "send me what is waiting for me". */
    Bundle poll(UUID messageId, Instant at, Parties.Provider provider) {
        Message m = new Message(messageId, at, provider, null, null);
        Task task = new Task();
        task.setId(messageId.toString());
        task.getMeta().addProfile(Nphies.profile("poll-request"));
        task.addIdentifier().setSystem(provider.baseUrl() + "/task").setValue("req_" + messageId);
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(Task.TaskPriority.ROUTINE);
        task.setCode(concept("http://nphies.sa/terminology/CodeSystem/task-code", "poll"));
        task.setAuthoredOn(Date.from(at));
        task.setLastModified(Date.from(at));
        task.setRequester(m.ref(m.providerOrg));
        task.setOwner(new Reference()
                .setIdentifier(new Identifier().setSystem(Nphies.NPHIES_LICENSE).setValue("NPHIES")));
        return m.bundle(Event.POLL_REQUEST, task);
    }

    // ---- shared parts

    private final class Message {
        final UUID id;
        final Instant at;
        final Parties.Provider provider;
        final Parties.Payer payer;
        final Bundle bundle = new Bundle();
        final MessageHeader header = new MessageHeader();
        final Organization providerOrg;
        final Organization insurerOrg;
        final Location location;
        final Patient patient;
        final Coverage coverage;

        Message(UUID id, Instant at, Parties.Provider provider, Parties.Payer payer, Parties.Member member) {
            this.id = id;
            this.at = at;
            this.provider = provider;
            this.payer = payer;
            bundle.setId(id.toString());
            bundle.getMeta().addProfile(Nphies.profile("bundle"));
            bundle.setType(Bundle.BundleType.MESSAGE);
            bundle.setTimestamp(Date.from(at));
            header.setId(id.toString());
            header.getMeta().addProfile(Nphies.profile("message-header"));
            bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(header);
            providerOrg = providerOrganization();
            insurerOrg = payer == null ? null : insurerOrganization();
            location = member == null || provider.locationLicence() == null ? null : location();
            patient = member == null ? null : patient(member);
            coverage = member == null ? null : coverage(member);
        }

        Bundle bundle(Event event, Resource focus) {
            header.setEvent(new Coding(Nphies.EVENTS, event.code, null));
            if (payer != null) {
                header.addDestination()
                        .setEndpoint(Nphies.PAYER_LICENSE + "/" + payer.licence())
                        .setReceiver(new Reference()
                                .setType("Organization")
                                .setIdentifier(new Identifier()
                                        .setSystem(Nphies.PAYER_LICENSE)
                                        .setValue(payer.licence())));
            } else {
                header.addDestination()
                        .setEndpoint(Nphies.NPHIES_LICENSE + "/NPHIES")
                        .setReceiver(new Reference()
                                .setType("Organization")
                                .setIdentifier(new Identifier()
                                        .setSystem(Nphies.NPHIES_LICENSE)
                                        .setValue("NPHIES")));
            }
            header.setSender(new Reference()
                    .setType("Organization")
                    .setIdentifier(
                            new Identifier().setSystem(Nphies.PROVIDER_LICENSE).setValue(provider.licence())));
            header.setSource(new MessageHeader.MessageSourceComponent().setEndpoint(provider.baseUrl()));
            header.addFocus(new Reference(url(focus)));
            // the main resource right after the header, then the parties
            Bundle.BundleEntryComponent main =
                    new Bundle.BundleEntryComponent().setFullUrl(url(focus)).setResource(focus);
            bundle.getEntry().add(1, main);
            return bundle;
        }

        String url(Resource resource) {
            return provider.baseUrl() + "/" + resource.fhirType() + "/" + resource.getIdPart();
        }

        Reference ref(Resource resource) {
            return new Reference(url(resource));
        }

        void add(Resource resource) {
            bundle.addEntry().setFullUrl(url(resource)).setResource(resource);
        }

        Organization providerOrganization() {
            Organization org = new Organization();
            org.setId(uuid("provider", provider.licence()));
            org.getMeta().addProfile(Nphies.profile("provider-organization"));
            org.addExtension()
                    .setUrl(Nphies.EXTENSION + "provider-type")
                    .setValue(concept(Nphies.CODES + "provider-type", "5"));
            org.addIdentifier().setSystem(Nphies.PROVIDER_LICENSE).setValue(provider.licence());
            org.setActive(true);
            org.addType(concept(Nphies.CODES + "organization-type", "prov"));
            org.setName(provider.nameEn());
            add(org);
            return org;
        }

        Organization insurerOrganization() {
            Organization org = new Organization();
            org.setId(uuid("payer", payer.insurerLicence()));
            org.getMeta().addProfile(Nphies.profile("insurer-organization"));
            org.addIdentifier().setSystem(Nphies.PAYER_LICENSE).setValue(payer.insurerLicence());
            org.setActive(true);
            org.addType(concept(Nphies.CODES + "organization-type", "ins"));
            org.setName(payer.name());
            add(org);
            return org;
        }

        Location location() {
            Location location = new Location();
            location.setId(uuid("location", provider.locationLicence()));
            location.getMeta().addProfile(Nphies.profile("location"));
            location.addIdentifier().setSystem(Nphies.LOCATION_LICENSE).setValue(provider.locationLicence());
            location.setStatus(Location.LocationStatus.ACTIVE);
            location.setName(provider.nameEn());
            location.setManagingOrganization(ref(providerOrg));
            add(location);
            return location;
        }

        Patient patient(Parties.Member member) {
            Patient p = new Patient();
            p.setId(member.patientId().toString());
            p.getMeta().addProfile(Nphies.profile("patient"));
            p.addExtension()
                    .setUrl(Nphies.EXTENSION + "occupation")
                    .setValue(concept(Nphies.CODES + "occupation", "unknown"));
            Identifier id = p.addIdentifier();
            switch (member.identityType()) {
                case "NATIONAL_ID" ->
                    id.setType(concept(Nphies.V2_0203, "NI")).setSystem("http://nphies.sa/identifier/nationalid");
                case "IQAMA" ->
                    id.setType(concept(Nphies.V2_0203, "PRC")).setSystem("http://nphies.sa/identifier/iqama");
                default -> {
                    id.setType(concept(Nphies.V2_0203, "PPN")).setSystem("http://nphies.sa/identifier/passportnumber");
                    if (member.passportCountry() != null) {
                        id.addExtension()
                                .setUrl(Nphies.EXTENSION + "identifier-country")
                                .setValue(concept("urn:iso:std:iso:3166", member.passportCountry()));
                    }
                }
            }
            id.setValue(member.identityNumber());
            if (member.mrn() != null) {
                p.addIdentifier()
                        .setType(concept(Nphies.V2_0203, "MR"))
                        .setSystem(provider.baseUrl() + "/mrn")
                        .setValue(member.mrn());
            }
            p.setActive(true);
            p.addName()
                    .setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL)
                    .setText((member.givenName() + " " + member.familyName()).strip())
                    .setFamily(member.familyName())
                    .addGiven(member.givenName());
            boolean female = "female".equals(member.gender());
            p.setGender(female ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
            p.getGenderElement()
                    .addExtension()
                    .setUrl(Nphies.EXTENSION + "ksa-administrative-gender")
                    .setValue(concept(Nphies.CODES + "ksa-administrative-gender", female ? "female" : "male"));
            p.setBirthDateElement(date(member.birthDate()));
            add(p);
            return p;
        }

        Coverage coverage(Parties.Member member) {
            Coverage c = new Coverage();
            c.setId(member.coverageId().toString());
            c.getMeta().addProfile(Nphies.profile("coverage"));
            c.addIdentifier().setSystem(payerMemberSystem()).setValue(member.memberId());
            c.setStatus(Coverage.CoverageStatus.ACTIVE);
            c.setType(concept(Nphies.CODES + "coverage-type", "EHCPOL"));
            c.setPolicyHolder(ref(patient));
            String relationship = member.relationship() == null ? "self" : member.relationship();
            if ("self".equals(relationship)) {
                c.setSubscriber(ref(patient));
                c.setSubscriberId(member.memberId());
            } else if (member.subscriberMemberId() != null) {
                c.setSubscriberId(member.subscriberMemberId());
            }
            c.setBeneficiary(ref(patient));
            c.setRelationship(concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", relationship));
            if (member.coverageEnd() != null) {
                c.setPeriod(new Period()
                        .setEndElement(new org.hl7.fhir.r4.model.DateTimeType(
                                member.coverageEnd().toString())));
            }
            c.addPayor(ref(insurerOrg));
            if (member.policyNumber() != null) {
                c.addClass_()
                        .setType(concept("http://terminology.hl7.org/CodeSystem/coverage-class", "group"))
                        .setValue(member.policyNumber());
            }
            if (member.planClass() != null) {
                c.addClass_()
                        .setType(concept("http://terminology.hl7.org/CodeSystem/coverage-class", "plan"))
                        .setValue(member.planClass())
                        .setName(member.planClass());
            }
            add(c);
            return c;
        }

        String payerMemberSystem() {
            return "http://nphies.sa/identifier/memberid/" + payer.insurerLicence();
        }

        Practitioner practitioner(Parties.Practitioner who) {
            Practitioner p = new Practitioner();
            p.setId(who.id().toString());
            p.getMeta().addProfile(Nphies.profile("practitioner"));
            p.addIdentifier()
                    .setType(concept(Nphies.V2_0203, "MD"))
                    .setSystem(Nphies.PRACTITIONER_LICENSE)
                    .setValue(who.licence());
            p.setActive(true);
            p.addName().setText(who.name());
            add(p);
            return p;
        }

        Encounter encounter(Parties.ClaimContent content, Practitioner practitioner) {
            if (content.encounterId() == null || content.encounterDay() == null) {
                return null;
            }
            Encounter e = new Encounter();
            e.setId(content.encounterId().toString());
            e.getMeta().addProfile(Nphies.profile("encounter"));
            e.addIdentifier()
                    .setSystem(provider.baseUrl() + "/encounter")
                    .setValue(content.encounterId().toString());
            e.setStatus(Encounter.EncounterStatus.FINISHED);
            e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
            e.setSubject(ref(patient));
            e.setPeriod(new Period()
                    .setStartElement(new org.hl7.fhir.r4.model.DateTimeType(
                            content.encounterDay().toString())));
            if (practitioner != null) {
                e.addParticipant().setIndividual(ref(practitioner));
            }
            e.setServiceProvider(ref(providerOrg));
            add(e);
            return e;
        }
    }

    static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency("SAR");
    }

    private static DateType date(LocalDate day) {
        return new DateType(day.toString());
    }

    /** A stable resource id for a party named by a licence: the same organisation has the same id in every message. */
    private static String uuid(String kind, String licence) {
        return UUID.nameUUIDFromBytes((kind + ":" + licence).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
