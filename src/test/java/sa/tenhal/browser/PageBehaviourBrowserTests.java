package sa.tenhal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import sa.tenhal.StaffFixtures;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.confirmation.ConfirmationFixture;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/**
 * The small behaviours pages declare in {@code data-*} attributes work under a content security policy that runs no
 * inline script: a list filter submits when chosen, a reason typed once travels with whichever slot is chosen (and
 * {@link BrowserTest} finds nothing refused by the policy on any page).
 */
class PageBehaviourBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Schedules schedules;

    @Autowired
    PatientRegistry patients;

    @Autowired
    StaffFixtures staff;

    @Test
    void filtersSubmitWhenChosenAndAMoveCarriesItsReason() {
        ConfirmationFixture fixture = ConfirmationFixture.in(context);
        AppointmentDetails booked = fixture.book(
                fixture.patient(Language.EN, ConfirmationFixture.email("behaviour")),
                ConfirmationFixture.at(ConfirmationFixture.sunday(2), 9, 0));
        Browser browser = browser();

        browser.signIn(staff.as(Role.MANAGER), "en");
        browser.open("/admin/schedules");
        browser.choose("Provider", fixture.providerName);
        browser.waitFor(() -> browser.path().contains("provider=" + fixture.provider.value()));

        browser.open("/referrals");
        browser.choose("Status", "Accepted");
        browser.waitFor(() -> browser.path().contains("status=ACCEPTED"));

        browser.open("/calendar/appointments/" + booked.id().value() + "/move");
        browser.type("Why it moves (optional)", "The family travels");
        var slots = browser.findAll(By.cssSelector("form.slot input[name=reason]"));
        assertThat(slots).isNotEmpty();
        assertThat(slots.stream()
                        .map(input -> input.getDomProperty("value"))
                        .distinct()
                        .toList())
                .containsExactly("The family travels");
    }
}
