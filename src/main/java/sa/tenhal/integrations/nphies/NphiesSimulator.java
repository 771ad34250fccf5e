package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * NPHIES on the local machine, for the embedded default and the tests: it answers eligibility, prior authorisation,
 * claim and poll messages with realistic FHIR messages from deterministic rules (docs/nphies.md, "The simulator"):
 *
 * <ul>
 *   <li>eligibility: a member id ending in {@code 0} is not covered; any other is in force, co-payment 20 %;
 *   <li>prior authorisation: member id ending in {@code 8} → denied; ending in {@code 7} → pended, approved later
 *       through the poll; otherwise each line approved, a line whose payer share is above 500 SAR partly (500);
 *   <li>claims: member id ending in {@code 6} → pended, adjudicated through the poll; a principal diagnosis that is a
 *       Z code (factors influencing health status) → rejected; a line whose payer share is above 500 SAR → partly
 *       approved (500); otherwise approved; every approved amount is paid by a {@code PaymentReconciliation} that the
 *       next poll brings;
 *   <li>a message id seen before gets the answer it got then: a retry is never processed twice.
 * </ul>
 *
 * Tests make it fail: a status for the next calls, an outage, timeouts, malformed answers.
 */
public class NphiesSimulator {

    /** What the simulator was sent: message id, event, and the status it answered. */
    public record Received(String messageId, String event, int status, String sender) {

        public Received(String messageId, String event, int status) {
            this(messageId, event, status, null);
        }
    }

    /** An answer: HTTP status and body. */
    public record Answer(int status, String body) {}

    static final BigDecimal LINE_LIMIT = new BigDecimal("500.00");

    private final Clock clock;
    private final FhirContext fhir = FhirContext.forR4Cached();
    private final NphiesReader reader = new NphiesReader(fhir);
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Bundle>> waiting = new ConcurrentHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failCount = new AtomicInteger();
    private final AtomicInteger failStatus = new AtomicInteger(503);
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger sequence = new AtomicInteger(1000);

    public NphiesSimulator(Clock clock) {
        this.clock = clock;
    }

    // ---- what tests do to it

    /** The next {@code count} calls are answered with {@code status} (500, 503 …) and not processed. */
    public void failNext(int count, int status) {
        failStatus.set(status);
        failCount.set(count);
    }

    /** The next {@code count} calls are processed but their answers lost: the caller times out. */
    public void timeoutNext(int count) {
        timeouts.set(count);
    }

    /** The next {@code count} calls get a 200 whose body is not FHIR. */
    public void malformedNext(int count) {
        malformed.set(count);
    }

    /** An outage: every call is a 503 until {@code down(false)}. */
    public void down(boolean isDown) {
        down.set(isDown);
    }

    public void reset() {
        failCount.set(0);
        timeouts.set(0);
        malformed.set(0);
        down.set(false);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many messages wait for a provider's next poll. */
    public int waitingFor(String providerLicence) {
        var queue = waiting.get(providerLicence);
        return queue == null ? 0 : queue.size();
    }

    // ---- the endpoint: POST /$process-message

    public Answer handle(String method, String path, byte[] body) throws SocketTimeoutException {
        if (!"POST".equals(method) || !path.endsWith("$process-message")) {
            return new Answer(404, outcome("not-found", "POST /$process-message only"));
        }
        if (down.get()) {
            received.add(new Received(null, null, 503));
            return new Answer(503, "");
        }
        if (failCount.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            received.add(new Received(null, null, failStatus.get()));
            return new Answer(failStatus.get(), "");
        }
        Bundle request;
        NphiesReader.Header header;
        try {
            request = reader.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            header = reader.header(request);
        } catch (NphiesReader.Malformed e) {
            received.add(new Received(null, null, 400));
            return new Answer(400, outcome("structure", e.getMessage()));
        }
        String answer = answered.get(header.messageId());
        if (answer == null) {
            answer = process(request, header);
            if (header.event() != Nphies.Event.POLL_REQUEST) {
                answered.put(header.messageId(), answer);
            }
        }
        received.add(new Received(header.messageId(), header.eventCode(), 200, header.senderLicence()));
        if (timeouts.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new SocketTimeoutException("simulated: the answer was lost");
        }
        if (malformed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return new Answer(200, "<html>gateway error</html>");
        }
        return new Answer(200, answer);
    }

    private String process(Bundle request, NphiesReader.Header header) {
        String provider = header.senderLicence();
        Bundle answer =
                switch (header.event() == null ? Nphies.Event.ACKNOWLEDGEMENT : header.event()) {
                    case ELIGIBILITY_REQUEST -> eligibility(request, header);
                    case PRIORAUTH_REQUEST, CLAIM_REQUEST -> claim(request, header, provider);
                    case POLL_REQUEST -> poll(header, provider);
                    default -> null;
                };
        if (answer == null) {
            return outcome("not-supported", "event " + header.eventCode() + " is not supported");
        }
        return fhir.newJsonParser().encodeResourceToString(answer);
    }

    private Bundle eligibility(Bundle request, NphiesReader.Header header) {
        NphiesReader.EligibilityRequest r = reader.eligibility(request);
        boolean covered = r.memberId() != null && !r.memberId().endsWith("0");
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setId(UUID.randomUUID().toString());
        response.getMeta().addProfile(Nphies.profile("eligibility-response"));
        response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION);
        response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.BENEFITS);
        response.setCreated(Date.from(clock.instant()));
        response.setRequest(new Reference().setIdentifier(new Identifier().setValue(r.identifier())));
        response.setOutcome(org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
        response.addExtension()
                .setUrl(Nphies.EXTENSION + "siteEligibility")
                .setValue(NphiesMessages.concept(
                        Nphies.CODES + "siteEligibility", covered ? "eligible" : "not-eligible"));
        response.setDisposition(covered ? "Coverage in force" : "Member is not covered (policy not in force)");
        var insurance = response.addInsurance().setInforce(covered);
        if (covered) {
            var item = insurance
                    .addItem()
                    .setCategory(NphiesMessages.concept(Nphies.CODES + "benefit-category", "1"))
                    .setNetwork(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/benefit-network", "in"));
            item.addBenefit()
                    .setType(NphiesMessages.concept(
                            "http://terminology.hl7.org/CodeSystem/benefit-type", "copay-percent"))
                    .setAllowed(new org.hl7.fhir.r4.model.UnsignedIntType(20));
            item.addBenefit()
                    .setType(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/benefit-type", "benefit"))
                    .setAllowed(NphiesMessages.money(new BigDecimal("50000.00")));
        }
        return response(header, Nphies.Event.ELIGIBILITY_RESPONSE, response);
    }

    private Bundle claim(Bundle request, NphiesReader.Header header, String provider) {
        NphiesReader.ClaimRequest claim = reader.claim(request);
        boolean preauth = claim.use() == org.hl7.fhir.r4.model.Claim.Use.PREAUTHORIZATION;
        String member = claim.memberId() == null ? "" : claim.memberId();
        boolean pended = preauth ? member.endsWith("7") : member.endsWith("6");
        Nphies.Event event = preauth ? Nphies.Event.PRIORAUTH_RESPONSE : Nphies.Event.CLAIM_RESPONSE;
        if (pended) {
            // queued now; the decision waits for the provider's next poll
            ClaimResponse queued = adjudicate(claim, preauth, member, true);
            ClaimResponse decided = adjudicate(claim, preauth, member.substring(0, member.length() - 1) + "1", false);
            decided.setRequest(queued.getRequest());
            waiting.computeIfAbsent(provider, p -> new ConcurrentLinkedQueue<>())
                    .add(unsolicited(provider, event, decided));
            payment(provider, claim, decided);
            return response(header, event, queued);
        }
        ClaimResponse response = adjudicate(claim, preauth, member, false);
        payment(provider, claim, response);
        return response(header, event, response);
    }

    private ClaimResponse adjudicate(NphiesReader.ClaimRequest claim, boolean preauth, String member, boolean queued) {
        ClaimResponse r = new ClaimResponse();
        r.setId(UUID.randomUUID().toString());
        r.getMeta().addProfile(Nphies.profile(preauth ? "priorauth-response" : "claim-response"));
        r.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        r.setType(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/claim-type", claim.type()));
        r.setUse(preauth ? ClaimResponse.Use.PREAUTHORIZATION : ClaimResponse.Use.CLAIM);
        r.setCreated(Date.from(clock.instant()));
        r.setRequest(new Reference().setIdentifier(new Identifier().setValue(claim.identifier())));
        if (queued) {
            r.setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);
            r.addExtension()
                    .setUrl(Nphies.EXTENSION + "adjudication-outcome")
                    .setValue(NphiesMessages.concept(Nphies.ADJUDICATION_OUTCOME, "pended"));
            r.setDisposition("Pended for medical review");
            return r;
        }
        boolean denied = preauth && member.endsWith("8");
        boolean wrongDiagnosis = !preauth
                && !claim.diagnoses().isEmpty()
                && claim.diagnoses().get(0).toUpperCase().startsWith("Z");
        BigDecimal total = BigDecimal.ZERO;
        boolean partial = false;
        boolean anyApproved = false;
        for (NphiesReader.Line line : claim.lines()) {
            BigDecimal share = line.patientShare() == null ? BigDecimal.ZERO : line.patientShare();
            BigDecimal payerShare = line.net().subtract(share);
            BigDecimal benefit;
            Coding reason = null;
            if (denied) {
                benefit = BigDecimal.ZERO;
                reason = new Coding(Nphies.ADJUDICATION_REASON, "CV-4", "Service not covered by the member's plan");
            } else if (wrongDiagnosis) {
                benefit = BigDecimal.ZERO;
                reason = new Coding(Nphies.ADJUDICATION_REASON, "MN-1-1", "The diagnosis does not support the service");
            } else if (payerShare.compareTo(LINE_LIMIT) > 0) {
                benefit = LINE_LIMIT;
                partial = true;
                reason = new Coding(Nphies.ADJUDICATION_REASON, "BE-1-3", "Above the plan's limit per service");
            } else {
                benefit = payerShare;
            }
            anyApproved |= benefit.signum() > 0;
            total = total.add(benefit);
            var item = r.addItem().setItemSequence(line.sequence());
            item.addExtension()
                    .setUrl(Nphies.EXTENSION + "adjudication-outcome")
                    .setValue(NphiesMessages.concept(
                            Nphies.ADJUDICATION_OUTCOME,
                            benefit.signum() == 0 ? "rejected" : reason != null ? "partial" : "approved"));
            item.addAdjudication()
                    .setCategory(
                            NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/adjudication", "eligible"))
                    .setAmount(NphiesMessages.money(line.net()));
            var benefitAdjudication = item.addAdjudication()
                    .setCategory(
                            NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/adjudication", "benefit"))
                    .setAmount(NphiesMessages.money(benefit));
            if (reason != null) {
                benefitAdjudication.setReason(new org.hl7.fhir.r4.model.CodeableConcept(reason));
            }
            item.addAdjudication()
                    .setCategory(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/adjudication", "copay"))
                    .setAmount(NphiesMessages.money(share));
        }
        String outcome = !anyApproved ? "rejected" : partial ? "partial" : "approved";
        r.setOutcome(partial ? ClaimResponse.RemittanceOutcome.PARTIAL : ClaimResponse.RemittanceOutcome.COMPLETE);
        r.addExtension()
                .setUrl(Nphies.EXTENSION + "adjudication-outcome")
                .setValue(NphiesMessages.concept(Nphies.ADJUDICATION_OUTCOME, outcome));
        r.setDisposition(
                switch (outcome) {
                    case "approved" -> "Approved";
                    case "partial" -> "Partly approved";
                    default -> "Rejected";
                });
        if (preauth && anyApproved) {
            r.setPreAuthRef("SIM-PA-" + sequence.incrementAndGet());
            r.setPreAuthPeriod(new org.hl7.fhir.r4.model.Period()
                    .setStart(Date.from(clock.instant()))
                    .setEnd(Date.from(clock.instant().plus(java.time.Duration.ofDays(30)))));
        }
        r.addTotal()
                .setCategory(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/adjudication", "benefit"))
                .setAmount(NphiesMessages.money(total));
        return r;
    }

    /** An approved claim is paid: a PaymentReconciliation waits for the provider's next poll. */
    private void payment(String provider, NphiesReader.ClaimRequest claim, ClaimResponse response) {
        if (claim.use() != org.hl7.fhir.r4.model.Claim.Use.CLAIM
                || response.getTotal().isEmpty()) {
            return;
        }
        BigDecimal amount = response.getTotalFirstRep().getAmount().getValue();
        if (amount.signum() <= 0) {
            return;
        }
        PaymentReconciliation p = new PaymentReconciliation();
        p.setId(UUID.randomUUID().toString());
        p.getMeta().addProfile(Nphies.profile("payment-reconciliation"));
        p.addIdentifier()
                .setSystem("http://nphies.sa/simulator/payment")
                .setValue("SIM-PR-" + sequence.incrementAndGet());
        p.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
        p.setCreated(Date.from(clock.instant()));
        p.setPaymentIssuer(new Reference()
                .setIdentifier(new Identifier().setSystem(Nphies.PAYER_LICENSE).setValue(claim.payerLicence())));
        p.setOutcome(org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
        p.setPaymentDateElement(new org.hl7.fhir.r4.model.DateType(
                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                        .toString()));
        p.setPaymentAmount(NphiesMessages.money(amount));
        p.addDetail()
                .setType(NphiesMessages.concept("http://terminology.hl7.org/CodeSystem/payment-type", "payment"))
                .setRequest(new Reference().setIdentifier(new Identifier().setValue(claim.identifier())))
                .setAmount(NphiesMessages.money(amount));
        waiting.computeIfAbsent(provider, x -> new ConcurrentLinkedQueue<>())
                .add(unsolicited(provider, Nphies.Event.PAYMENT_RECONCILIATION, p));
    }

    private Bundle poll(NphiesReader.Header header, String provider) {
        org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
        task.setId(UUID.randomUUID().toString());
        task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED);
        task.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.ORDER);
        Bundle answer = response(header, Nphies.Event.POLL_RESPONSE, task);
        var queue = waiting.get(provider);
        int count = 0;
        while (queue != null && count < 100) {
            Bundle next = queue.poll();
            if (next == null) {
                break;
            }
            answer.addEntry().setFullUrl("urn:uuid:" + next.getIdPart()).setResource(next);
            count++;
        }
        if (queue != null && !queue.isEmpty()) {
            answer.getEntryFirstRep()
                    .getResource()
                    .getMeta()
                    .addTag(Nphies.CODES + "meta-tags", "queued-messages", null);
        }
        return answer;
    }

    private Bundle response(NphiesReader.Header request, Nphies.Event event, Resource focus) {
        Bundle b = message(event, request.senderLicence(), focus);
        MessageHeader h = (MessageHeader) b.getEntryFirstRep().getResource();
        h.setResponse(new MessageHeader.MessageHeaderResponseComponent()
                .setIdentifier(request.messageId())
                .setCode(MessageHeader.ResponseType.OK));
        return b;
    }

    private Bundle unsolicited(String provider, Nphies.Event event, Resource focus) {
        return message(event, provider, focus);
    }

    private Bundle message(Nphies.Event event, String provider, Resource focus) {
        String id = UUID.randomUUID().toString();
        Bundle b = new Bundle();
        b.setId(id);
        b.getMeta().addProfile(Nphies.profile("bundle"));
        b.setType(Bundle.BundleType.MESSAGE);
        b.setTimestamp(Date.from(clock.instant()));
        MessageHeader h = new MessageHeader();
        h.setId(id);
        h.getMeta().addProfile(Nphies.profile("message-header"));
        h.setEvent(new Coding(Nphies.EVENTS, event.code, null));
        h.addDestination()
                .setEndpoint(Nphies.PROVIDER_LICENSE + "/" + provider)
                .setReceiver(new Reference()
                        .setType("Organization")
                        .setIdentifier(new Identifier()
                                .setSystem(Nphies.PROVIDER_LICENSE)
                                .setValue(provider)));
        h.setSender(new Reference()
                .setType("Organization")
                .setIdentifier(new Identifier().setSystem(Nphies.NPHIES_LICENSE).setValue("NPHIES")));
        h.setSource(new MessageHeader.MessageSourceComponent().setEndpoint("http://nphies.sa"));
        String focusUrl = "http://nphies.sa/" + focus.fhirType() + "/" + focus.getIdPart();
        h.addFocus(new Reference(focusUrl));
        focus.getMeta().addTag(Nphies.CODES + "meta-tags", "nphies-generated", "NPHIES generated");
        b.addEntry().setFullUrl("urn:uuid:" + id).setResource(h);
        b.addEntry().setFullUrl(focusUrl).setResource(focus);
        return b;
    }

    private String outcome(String code, String text) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(
                        code.equals("not-found")
                                ? "not-found"
                                : code.equals("structure") ? "structure" : "not-supported"))
                .setDiagnostics(text);
        return fhir.newJsonParser().encodeResourceToString(o);
    }
}
