package sa.tenhal.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.CareTeamFixtures;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.referrals.ReferralStatus;
import sa.tenhal.referrals.Referrals;
import sa.tenhal.referrals.TestCentre;

@TenhalIntegrationTest
class ReferralPagesIntegrationTests {

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
    CareTeamFixtures careTeams;

    @Test
    void aTherapistRefersFromTheProfileAndTheReceivingClinicAcceptsFromItsList() {
        TestCentre centre = TestCentre.create(catalog, staff);
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        careTeams.lookAfter(child.id(), centre.speech().id()); // the speech clinic sees the child
        Cookie speech = Pages.signIn(mvc, centre.speechTherapist());

        MvcTestResult form = mvc.get()
                .uri("/referrals/new?patient={id}", child.id().value())
                .cookie(speech)
                .exchange();
        assertThat(form).hasStatusOk();
        assertThat(Bodies.text(form)).contains("Refer this patient", "Occupational Therapy", child.mrn());

        // No reason: the form comes back with the reason beside the field, nothing is saved.
        MvcTestResult missing = send(speech, child, centre, "");
        assertThat(missing).hasStatusOk();
        assertThat(Bodies.text(missing))
                .containsPattern("id=\"reason\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"reason\"");
        assertThat(referrals.ofPatient(child.id())).isEmpty();

        MvcTestResult sent = send(speech, child, centre, "Fine motor delay");
        assertThat(sent).hasStatus3xxRedirection();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/patients/" + child.id() + "#referrals");
        assertThat(referrals.ofPatient(child.id())).singleElement().satisfies(r -> {
            assertThat(r.fromProviderId())
                    .isEqualTo(centre.speechProvider().id().value());
            assertThat(r.status()).isEqualTo(ReferralStatus.PENDING);
        });
        MvcTestResult profile = mvc.get()
                .uri("/patients/{id}", child.id().value())
                .cookie(speech)
                .exchange();
        assertThat(Bodies.text(profile)).contains("Referrals", "Occupational Therapy", "Pending");

        // A second referral to OT while the first is open is refused in words.
        MvcTestResult twice = send(speech, child, centre, "Again");
        assertThat(Bodies.text(twice)).contains("already has an open referral");

        // The OT sees it to answer, in Arabic too, and accepts.
        Cookie ot = Pages.signIn(mvc, centre.occupationalTherapist());
        MvcTestResult list = mvc.get().uri("/referrals?lang=ar").cookie(ot).exchange();
        assertThat(list).hasStatusOk();
        assertThat(Bodies.text(list)).contains("dir=\"rtl\"", "بانتظار الرد", "قبول", child.mrn());
        var referral = referrals.ofPatient(child.id()).get(0);
        MvcTestResult accepted = mvc.post()
                .uri("/referrals/{id}/accept", referral.id())
                .cookie(ot)
                .with(csrf())
                .exchange();
        assertThat(accepted).hasStatus3xxRedirection();
        assertThat(referrals.find(referral.id()).status()).isEqualTo(ReferralStatus.ACCEPTED);

        // The speech therapist cannot answer it, and finance does not see referrals at all.
        MvcTestResult sentList =
                mvc.get().uri("/referrals?view=sent").cookie(speech).exchange();
        assertThat(Bodies.text(sentList)).contains(child.mrn(), "Accepted").doesNotContain(">Accept<");
        assertThat(mvc.get()
                        .uri("/referrals")
                        .cookie(Pages.signIn(mvc, staff.as(Role.FINANCE)))
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void receptionAcceptsAndGoesOnToBookTheFirstVisit() {
        TestCentre centre = TestCentre.create(catalog, staff);
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        var referral = referrals.create(new sa.tenhal.referrals.ReferralForm(
                child.id().value(),
                centre.speech().id().value(),
                null,
                centre.ot().id().value(),
                null,
                "Handwriting",
                sa.tenhal.referrals.Urgency.ROUTINE,
                null));
        Cookie reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
        assertThat(Bodies.text(mvc.get().uri("/referrals").cookie(reception).exchange()))
                .contains("Accept and book the first visit");
        MvcTestResult accepted = mvc.post()
                .uri("/referrals/{id}/accept", referral.id())
                .cookie(reception)
                .with(csrf())
                .param("book", "true")
                .exchange();
        assertThat(accepted.getResponse().getRedirectedUrl())
                .isEqualTo("/book?patient=" + child.id().value());
        assertThat(referrals.find(referral.id()).status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    private MvcTestResult send(Cookie session, PatientDetails patient, TestCentre centre, String reason) {
        return mvc.post()
                .uri("/referrals")
                .cookie(session)
                .with(csrf())
                .param("patientId", patient.id().value().toString())
                .param("fromClinicId", centre.speech().id().value().toString())
                .param("toClinicId", centre.ot().id().value().toString())
                .param("urgency", "ROUTINE")
                .param("reason", reason)
                .exchange();
    }
}
