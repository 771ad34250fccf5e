package sa.tenhal.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.MutableClock;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.CareTeamFixtures;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.platform.ConflictException;

@TenhalIntegrationTest
@RecordApplicationEvents
class ReferralsIntegrationTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Referrals referrals;

    @Autowired
    ReferralFollowUp followUp;

    @Autowired
    ReferralStatisticsQuery statistics;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    CareTeamFixtures careTeams;

    ClinicDetails speech;
    ClinicDetails ot;
    ClinicDetails psychology;
    Caller speechTherapist;
    Caller occupationalTherapist;
    ProviderDetails speechProvider;

    @BeforeEach
    void centreWithThreeClinics() {
        TestCentre centre = TestCentre.create(catalog, staff);
        speech = centre.speech();
        ot = centre.ot();
        psychology = centre.psychology();
        speechTherapist = centre.speechTherapist();
        occupationalTherapist = centre.occupationalTherapist();
        speechProvider = centre.speechProvider();
    }

    /** A patient the speech clinic looks after: its therapist refers them (need to know, docs/security.md). */
    PatientDetails seenInSpeech(sa.tenhal.patients.PatientForm form) {
        PatientDetails patient = patients.register(form, true, "RYD");
        careTeams.lookAfter(patient.id(), speech.id());
        return patient;
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSpeechTherapistRefersToOtWhoAcceptsAndTheLoopCloses() {
        PatientDetails child = seenInSpeech(TestPatientForms.child());
        MvcTestResult created = post(speechTherapist, "/api/v1/referrals", """
                {"patientId":"%s","fromClinicId":"%s","fromProviderId":"%s","toClinicId":"%s",
                 "reason":"Fine motor delay seen during speech sessions","urgency":"ROUTINE"}
                """.formatted(
                        child.id(), speech.id(), speechProvider.id(), ot.id()));
        assertThat(created).hasStatus(201);
        String id = Bodies.read(created, "$.id");
        assertThat(Bodies.<String>read(created, "$.status")).isEqualTo("PENDING");
        assertThat(Bodies.<String>read(created, "$.respondBy")).isNotBlank();

        // The OT clinic's therapist hears of it, in the inbox and by email (record number only in the email).
        await().untilAsserted(() -> assertThat(messages("referral-created", occupationalTherapist))
                .containsExactlyInAnyOrder("IN_APP", "EMAIL"));

        // The same patient cannot be referred to OT twice while the first is open.
        MvcTestResult again =
                post(speechTherapist, "/api/v1/referrals", """
                {"patientId":"%s","fromClinicId":"%s","toClinicId":"%s","reason":"again","urgency":"URGENT"}
                """.formatted(child.id(), speech.id(), ot.id()));
        assertThat(again).hasStatus(409);
        assertThat(Bodies.text(again)).contains("open-referral", id);

        // Only the receiving clinic answers.
        assertThat(post(speechTherapist, "/api/v1/referrals/" + id + "/accept", "{}"))
                .hasStatus(403);
        MvcTestResult accepted = post(occupationalTherapist, "/api/v1/referrals/" + id + "/accept", "{}");
        assertThat(accepted).hasStatus(200);
        assertThat(Bodies.<String>read(accepted, "$.status")).isEqualTo("ACCEPTED");
        await().untilAsserted(() -> assertThat(messages("referral-accepted", speechTherapist))
                .containsExactlyInAnyOrder("IN_APP", "EMAIL"));

        MvcTestResult rejectLate = post(occupationalTherapist, "/api/v1/referrals/" + id + "/reject", """
                {"reason":"changed our mind"}""");
        assertThat(rejectLate).hasStatus(409);
        assertThat(Bodies.<String>read(rejectLate, "$.currentStatus")).isEqualTo("ACCEPTED");

        assertThat(Bodies.<String>read(
                        post(occupationalTherapist, "/api/v1/referrals/" + id + "/complete", "{}"), "$.status"))
                .isEqualTo("COMPLETED");
        assertThat(events.stream(ReferralCompleted.class)
                        .filter(e -> e.referralId().toString().equals(id)))
                .hasSize(1);

        // The patient summary shows it to clinical staff, not to finance.
        MvcTestResult summary = get(speechTherapist, "/api/v1/patients/" + child.id() + "/summary");
        assertThat(Bodies.<String>read(summary, "$.referrals[0].referral.status"))
                .isEqualTo("COMPLETED");
        assertThat(Bodies.text(get(staff.as(Role.FINANCE), "/api/v1/patients/" + child.id() + "/summary")))
                .doesNotContain("\"referrals\"");
    }

    @Test
    void aRejectionNeedsAReasonAndTellsTheReferrer() {
        PatientDetails patient = seenInSpeech(TestPatientForms.adult());
        ReferralDetails referral = referrals.create(new ReferralForm(
                patient.id().value(),
                speech.id().value(),
                speechProvider.id().value(),
                ot.id().value(),
                null,
                "Sensory processing",
                Urgency.URGENT,
                null));

        assertThat(post(occupationalTherapist, "/api/v1/referrals/" + referral.id() + "/reject", "{}"))
                .hasStatus(422);
        MvcTestResult rejected = post(occupationalTherapist, "/api/v1/referrals/" + referral.id() + "/reject", """
                {"reason":"Better seen by the adult OT service at the hospital"}""");
        assertThat(rejected).hasStatus(200);
        assertThat(Bodies.<String>read(rejected, "$.rejectionReason")).startsWith("Better seen");
        await().untilAsserted(() ->
                assertThat(messages("referral-rejected", speechTherapist)).contains("IN_APP"));
        // Once rejected, the patient may be referred again.
        assertThat(referrals
                        .create(new ReferralForm(
                                patient.id().value(),
                                speech.id().value(),
                                null,
                                ot.id().value(),
                                null,
                                "Second opinion",
                                Urgency.ROUTINE,
                                null))
                        .status())
                .isEqualTo(ReferralStatus.PENDING);
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        PatientDetails patient = seenInSpeech(TestPatientForms.adult());
        String base = """
                {"patientId":"%s","fromClinicId":"%s","reason":"Assessment","urgency":"ROUTINE"
                """.formatted(patient.id(), speech.id());

        MvcTestResult both = post(
                speechTherapist,
                "/api/v1/referrals",
                base + ",\"toClinicId\":\"" + ot.id() + "\",\"externalFacility\":\"KFSH\"}");
        assertThat(both).hasStatus(422);
        assertThat(Bodies.text(both)).contains("toClinicId");
        MvcTestResult neither = post(speechTherapist, "/api/v1/referrals", base + "}");
        assertThat(neither).hasStatus(422);
        MvcTestResult itself =
                post(speechTherapist, "/api/v1/referrals", base + ",\"toClinicId\":\"" + speech.id() + "\"}");
        assertThat(Bodies.text(itself)).contains("must differ from the sending clinic");
        MvcTestResult unknown =
                post(speechTherapist, "/api/v1/referrals", base + ",\"toClinicId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown).hasStatus(422);
        assertThat(Bodies.text(unknown)).contains("no such clinic");
        MvcTestResult noReason =
                post(speechTherapist, "/api/v1/referrals", """
                {"patientId":"%s","fromClinicId":"%s","toClinicId":"%s","urgency":"ROUTINE"}
                """.formatted(patient.id(), speech.id(), ot.id()));
        assertThat(noReason).hasStatus(422);
        assertThat(Bodies.text(noReason)).contains("reason");
        MvcTestResult badUrgency = post(
                speechTherapist,
                "/api/v1/referrals",
                base.replace("ROUTINE", "SOON") + ",\"toClinicId\":\"" + ot.id() + "\"}");
        assertThat(badUrgency.getResponse().getStatus()).isIn(400, 422);
        assertThat(post(staff.as(Role.FINANCE), "/api/v1/referrals", base + ",\"toClinicId\":\"" + ot.id() + "\"}"))
                .hasStatus(403);
        assertThat(get(speechTherapist, "/api/v1/referrals/" + UUID.randomUUID()))
                .hasStatus(404);
        assertThat(referrals.ofPatient(patient.id())).isEmpty();

        patients.archive(patient.id(), "moved abroad");
        MvcTestResult archived =
                post(speechTherapist, "/api/v1/referrals", base + ",\"toClinicId\":\"" + ot.id() + "\"}");
        assertThat(archived).hasStatus(409);
        assertThat(referrals.ofPatient(patient.id())).isEmpty();
    }

    @Test
    void aReferralToAnOutsideFacilityIsClosedByTheReferrer() {
        PatientDetails patient = seenInSpeech(TestPatientForms.adult());
        ReferralDetails referral = referrals.create(new ReferralForm(
                patient.id().value(),
                speech.id().value(),
                null,
                null,
                "King Faisal Specialist Hospital — ENT",
                "Hearing assessment",
                Urgency.ROUTINE,
                null));
        assertThatThrownBy(() -> referrals.accept(referral.id())).isInstanceOf(ConflictException.class);
        assertThat(referrals.complete(referral.id()).status()).isEqualTo(ReferralStatus.COMPLETED);
    }

    @Test
    void aLateAnswerIsRemindedThenEscalatedCountingWorkingDaysOnly() {
        // Made on Thursday afternoon, urgent: due by the end of Sunday (Friday and Saturday don't count).
        clock.set(riyadh("2026-11-26T15:00"));
        PatientDetails patient = seenInSpeech(TestPatientForms.adult());
        ReferralDetails referral = referrals.create(new ReferralForm(
                patient.id().value(),
                speech.id().value(),
                speechProvider.id().value(),
                ot.id().value(),
                null,
                "Urgent feeding assessment",
                Urgency.URGENT,
                null));
        assertThat(referral.respondBy()).isEqualTo(riyadh("2026-11-30T00:00"));

        clock.set(riyadh("2026-11-29T10:00")); // Sunday: still in time
        followUp.checkPendingReferrals();
        assertThat(overdue(referral)).isEmpty();

        clock.set(riyadh("2026-11-30T10:00")); // Monday: late → the OT clinic is reminded
        followUp.checkPendingReferrals();
        followUp.checkPendingReferrals(); // the job may run twice; the reminder goes once
        assertThat(overdue(referral)).containsExactly(false);
        assertThat(referrals.find(referral.id()).overdue()).isTrue();
        await().untilAsserted(() ->
                assertThat(messages("referral-overdue", occupationalTherapist)).contains("IN_APP"));

        clock.set(riyadh("2026-12-01T10:00")); // Tuesday, a working day after the reminder → the managers
        followUp.checkPendingReferrals();
        followUp.checkPendingReferrals();
        assertThat(overdue(referral)).containsExactly(false, true);
    }

    @Test
    void automaticRulesReferOncePerFindingAndOnlyInTheirAgeRange() {
        Caller manager = staff.as(Role.MANAGER);
        MvcTestResult rule = post(manager, "/api/v1/referral-rules", """
                {"name":"Speech disorder in a child → OT screen","triggerKind":"DIAGNOSIS","triggerValue":"F80",
                 "minAgeYears":2,"maxAgeYears":12,"toClinicId":"%s","urgency":"ROUTINE",
                 "reasonTemplate":"Automatic: diagnosis {trigger} — screen motor skills"}
                """.formatted(ot.id()));
        assertThat(rule).hasStatus(201);
        assertThat(post(manager, "/api/v1/referral-rules", """
                {"name":"bad","triggerKind":"DIAGNOSIS","triggerValue":"F80","minAgeYears":12,"maxAgeYears":2,
                 "toClinicId":"%s","urgency":"ROUTINE","reasonTemplate":"x"}""".formatted(ot.id())))
                .hasStatus(422);
        assertThat(post(speechTherapist, "/api/v1/referral-rules", """
                {"name":"x","triggerKind":"DIAGNOSIS","triggerValue":"F80","toClinicId":"%s","urgency":"ROUTINE",
                 "reasonTemplate":"x"}""".formatted(ot.id())))
                .hasStatus(403);

        PatientDetails child = seenInSpeech(TestPatientForms.child());
        PatientDetails adult = seenInSpeech(TestPatientForms.adult());

        MvcTestResult fired = findingRecorded("F80.1", child, "dx-1");
        assertThat(fired).hasStatus(200);
        assertThat(Bodies.<List<?>>read(fired, "$")).hasSize(1);
        assertThat(Bodies.<String>read(fired, "$[0].reason"))
                .isEqualTo("Automatic: diagnosis F80.1 — screen motor skills");
        // The same finding again, and another while the referral is open: nothing more.
        assertThat(check("F80.1", child, "dx-1")).isEmpty();
        assertThat(check("F80.2", child, "dx-2")).isEmpty();
        // Out of the age range, or another code: nothing.
        assertThat(check("F80.1", adult, "dx-3")).isEmpty();
        assertThat(check("F84.0", child, "dx-4")).isEmpty();
        assertThat(referrals.ofPatient(child.id())).hasSize(1);
        assertThat(referrals.ofPatient(adult.id())).isEmpty();
        // After the loop closes, the same finding still never refers twice.
        UUID first = referrals.ofPatient(child.id()).get(0).id();
        referrals.cancel(first, "family declined");
        assertThat(check("F80.1", child, "dx-1")).isEmpty();
    }

    @Test
    void statisticsMatchWhatIsComputedByHandOnAGeneratedDataSet() {
        // 40 referrals from speech, to OT or psychology, made across three days, with random answers and times.
        Random random = new Random(20261121);
        Instant start = riyadh("2027-02-07T08:00");
        List<long[]> toOt = new ArrayList<>(); // per referral: {answer kind, hours to accept, hours to complete}
        List<long[]> toPsychology = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean otPair = random.nextBoolean();
            Instant made = start.plus(Duration.ofHours(random.nextInt(60)));
            clock.set(made);
            PatientDetails patient = seenInSpeech(TestPatientForms.adult());
            ReferralDetails referral = referrals.create(new ReferralForm(
                    patient.id().value(),
                    speech.id().value(),
                    null,
                    (otPair ? ot : psychology).id().value(),
                    null,
                    "Assessment",
                    Urgency.ROUTINE,
                    null));
            int outcome = random.nextInt(5); // 0 pending, 1 accepted, 2 completed, 3 rejected, 4 cancelled
            long toAccept = 1 + random.nextInt(72);
            long toComplete = toAccept + 1 + random.nextInt(200);
            if (outcome == 1 || outcome == 2) {
                clock.set(made.plus(Duration.ofHours(toAccept)));
                referrals.accept(referral.id());
            }
            if (outcome == 2) {
                clock.set(made.plus(Duration.ofHours(toComplete)));
                referrals.complete(referral.id());
            }
            if (outcome == 3) {
                clock.set(made.plus(Duration.ofHours(toAccept)));
                referrals.reject(referral.id(), "not for us");
            }
            if (outcome == 4) {
                clock.set(made.plus(Duration.ofHours(2)));
                referrals.cancel(referral.id(), "family moved");
            }
            (otPair ? toOt : toPsychology).add(new long[] {outcome, toAccept, toComplete});
        }
        clock.reset();

        LocalDate first = start.atZone(RIYADH).toLocalDate();
        ReferralStatistics stats =
                statistics.between(first, first.plusDays(3), speech.id().value(), null);
        assertThat(stats.byClinicPair()).hasSize(2);
        var otRow = stats.byClinicPair().stream()
                .filter(r -> r.toClinicId().equals(ot.id().value()))
                .findFirst()
                .orElseThrow();
        assertThat(otRow).usingRecursiveComparison().isEqualTo(expected(ot, toOt));
        var psychologyRow = stats.byClinicPair().stream()
                .filter(r -> r.toClinicId().equals(psychology.id().value()))
                .findFirst()
                .orElseThrow();
        assertThat(psychologyRow).usingRecursiveComparison().isEqualTo(expected(psychology, toPsychology));
        assertThat(stats.total().referrals()).isEqualTo(40);
        assertThat(stats.total().accepted()).isEqualTo(otRow.accepted() + psychologyRow.accepted());
        // A range without referrals has zero counts and no rates.
        ReferralStatistics empty = statistics.between(
                first.minusDays(30), first.minusDays(20), speech.id().value(), null);
        assertThat(empty.total().referrals()).isZero();
        assertThat(empty.total().acceptanceRate()).isNull();
        assertThat(get(
                        staff.as(Role.MANAGER),
                        "/api/v1/referrals/statistics?from=" + first + "&to=" + first.minusDays(1)))
                .hasStatus(422);
    }

    @Test
    void managersGetTheWeeksStatisticsByEmail() {
        Caller manager = staff.as(Role.MANAGER);
        clock.set(riyadh("2027-03-03T09:00"));
        PatientDetails patient = seenInSpeech(TestPatientForms.adult());
        ReferralDetails referral = referrals.create(new ReferralForm(
                patient.id().value(),
                speech.id().value(),
                null,
                ot.id().value(),
                null,
                "Assessment",
                Urgency.ROUTINE,
                null));
        clock.set(riyadh("2027-03-04T09:00"));
        referrals.accept(referral.id());

        clock.set(riyadh("2027-03-05T08:00")); // Friday
        ReferralStatistics week = followUp.sendWeeklyStatistics();
        assertThat(week.from()).isEqualTo(LocalDate.of(2027, 2, 26));
        assertThat(week.to()).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(week.total().accepted()).isPositive();
        await().untilAsserted(() ->
                assertThat(messages("referral-statistics", manager)).containsExactlyInAnyOrder("EMAIL", "IN_APP"));
        String email = jdbc.sql("select body from notification_message where kind = 'referral-statistics'"
                        + " and recipient_id = :user and channel = 'EMAIL'")
                .param("user", manager.id().value())
                .query(String.class)
                .single();
        assertThat(email).contains("Speech Therapy", "Occupational Therapy", "100%");
    }

    private ReferralStatistics.Counts expected(ClinicDetails to, List<long[]> rows) {
        long pending = rows.stream().filter(r -> r[0] == 0).count();
        long accepted = rows.stream().filter(r -> r[0] == 1 || r[0] == 2).count();
        long completed = rows.stream().filter(r -> r[0] == 2).count();
        long rejected = rows.stream().filter(r -> r[0] == 3).count();
        long cancelled = rows.stream().filter(r -> r[0] == 4).count();
        return new ReferralStatistics.Counts(
                speech.id().value(),
                to.id().value(),
                rows.size(),
                pending,
                accepted,
                rejected,
                completed,
                cancelled,
                accepted + rejected,
                ReferralStatistics.Counts.rate(accepted, accepted + rejected),
                median(rows.stream()
                        .filter(r -> r[0] == 1 || r[0] == 2)
                        .map(r -> r[1])
                        .toList()),
                median(rows.stream().filter(r -> r[0] == 2).map(r -> r[2]).toList()));
    }

    private static BigDecimal median(List<Long> hours) {
        if (hours.isEmpty()) {
            return null;
        }
        List<Long> sorted = hours.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }

    /** Runs the automatic rules for a diagnosis found in speech therapy; returns the referrals they made. */
    private List<?> check(String code, PatientDetails patient, String source) {
        return Bodies.read(findingRecorded(code, patient, source), "$");
    }

    private MvcTestResult findingRecorded(String code, PatientDetails patient, String source) {
        return post(speechTherapist, "/api/v1/referral-rules/check", """
                {"kind":"DIAGNOSIS","value":"%s","patientId":"%s","fromClinicId":"%s","sourceKey":"%s"}""".formatted(
                        code, patient.id(), speech.id(), source));
    }

    private List<Boolean> overdue(ReferralDetails referral) {
        return events.stream(ReferralOverdue.class)
                .filter(e -> e.referralId().equals(referral.id()))
                .map(ReferralOverdue::escalated)
                .toList();
    }

    private List<String> messages(String kind, Caller to) {
        return jdbc.sql("select channel from notification_message where kind = :kind and recipient_id = :user")
                .param("kind", kind)
                .param("user", to.id().value())
                .query(String.class)
                .list();
    }

    static Instant riyadh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RIYADH).toInstant();
    }

    MvcTestResult post(Caller caller, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }
}
