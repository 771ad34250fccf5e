package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;

@TenhalIntegrationTest
@RecordApplicationEvents
class ConsentsIntegrationTests {

    @Autowired
    PatientRegistry registry;

    @Autowired
    Consents consents;

    @Autowired
    ApplicationEvents events;

    @Test
    void aChildConsentsThroughAGuardianAndTheCareTeamIsTold() {
        PatientDetails child = registry.register(TestPatients.child(), true, "RYD");
        var guardian = child.guardians().get(0);

        assertThatThrownBy(() -> consents.record(
                        child.id(),
                        new ConsentForm(
                                ConsentKind.TREATMENT, ConsentForm.GivenBy.PATIENT, null, "TREAT-2026.1", null)))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("givenBy"));

        ConsentDetails consent = consents.record(
                child.id(),
                new ConsentForm(
                        ConsentKind.PHOTO_VIDEO, ConsentForm.GivenBy.GUARDIAN, guardian.id(), "PHOTO-2026.1", null));

        assertThat(consent.signerName()).isEqualTo(guardian.name());
        assertThat(consent.isActive()).isTrue();
        assertThat(events.stream(ConsentRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.patient()).isEqualTo(child.id());
            assertThat(e.kind()).isEqualTo(ConsentKind.PHOTO_VIDEO);
            assertThat(e.consentId()).isEqualTo(consent.id());
        });
    }

    @Test
    void anAdultConsentsHerselfAndMayWithdraw() {
        PatientDetails adult = registry.register(TestPatients.adult(), true, "RYD");
        ConsentDetails consent = consents.record(
                adult.id(),
                new ConsentForm(
                        ConsentKind.TELEHEALTH,
                        ConsentForm.GivenBy.PATIENT,
                        null,
                        "TELE-2026.2",
                        Instant.now().minusSeconds(60)));
        ConsentDetails withdrawn = consents.withdraw(consent.id(), "prefers visits in person");
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(withdrawn.withdrawalReason()).isEqualTo("prefers visits in person");
        assertThat(events.stream(ConsentWithdrawn.class)).hasSize(1);
        assertThatThrownBy(() -> consents.withdraw(consent.id(), "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void aConsentNamesAGuardianOfThisPatientOnly() {
        PatientDetails child = registry.register(TestPatients.child(), true, "RYD");
        PatientDetails other = registry.register(TestPatients.child(), true, "RYD");
        assertThatThrownBy(() -> consents.record(
                        child.id(),
                        new ConsentForm(
                                ConsentKind.TREATMENT,
                                ConsentForm.GivenBy.GUARDIAN,
                                other.guardians().get(0).id(),
                                "T-1",
                                null)))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("guardianId"));
    }

    @Test
    void registrationPublishesIdsOnly() {
        PatientDetails patient = registry.register(TestPatients.adult(), true, "RYD");
        assertThat(events.stream(PatientRegistered.class)).singleElement().satisfies(e -> assertThat(e.patient())
                .isEqualTo(patient.id()));
        assertThat(events.stream(PatientFileOpened.class)).hasSize(1);
    }
}
