package sa.tenhal.appointments.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.SecretTokens;

/** The seed's testing recommendations and the rules of a confirmation request, with a controlled clock. */
class ConfirmationRulesTests {

    static final Duration WEEK = Duration.ofDays(7);

    Clock clock = Clock.fixed(Instant.parse("2031-03-02T06:00:00Z"), ZoneOffset.UTC);

    Instant now() {
        return clock.instant();
    }

    void advance(Duration by) {
        clock = Clock.offset(clock, by);
    }

    static AppointmentDetails appointment(Instant start) {
        return new AppointmentDetails(
                new AppointmentId(UUID.randomUUID()),
                new PatientId(UUID.randomUUID()),
                new ClinicId(UUID.randomUUID()),
                new ProviderId(UUID.randomUUID()),
                new ServiceId(UUID.randomUUID()),
                null,
                null,
                start,
                start.plus(Duration.ofMinutes(45)),
                start.plus(Duration.ofMinutes(60)),
                AppointmentStatus.BOOKED,
                null,
                null,
                start.minus(Duration.ofDays(20)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                0);
    }

    AppointmentConfirmation inTenDays() {
        return new AppointmentConfirmation(appointment(now().plus(Duration.ofDays(10))), WEEK, now());
    }

    @Test
    void tokenGeneration() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = Confirmations.generateToken();
            assertThat(token).hasSize(64).matches("[0-9a-f]{64}");
            assertThat(SecretTokens.looksLikeSecret(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(200);
        // only this is stored
        String token = Confirmations.generateToken();
        assertThat(SecretTokens.sha256(token)).hasSize(64).isNotEqualTo(token);
        assertThat(Confirmations.path(token)).isEqualTo("/p/confirm/" + token);
    }

    @Test
    void createConfirmation() {
        AppointmentConfirmation c = inTenDays();
        assertThat(c.status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(c.isValid(now())).isTrue();
        assertThat(c.isExpired(now())).isFalse();
        assertThat(c.expiresAt()).isEqualTo(now().plus(WEEK));
        assertThat(c.reminderCount()).isZero();
        assertThat(c.details(now()).valid()).isTrue();
    }

    @Test
    void theLinkNeverOutlivesTheAppointmentsStart() {
        Instant start = now().plus(Duration.ofDays(2));
        AppointmentConfirmation c = new AppointmentConfirmation(appointment(start), WEEK, now());
        assertThat(c.expiresAt()).isEqualTo(start);
        advance(Duration.ofDays(2));
        assertThat(c.isExpired(now())).isTrue();
        assertThat(c.isValid(now())).isFalse();
    }

    @Test
    void confirmAppointment() {
        AppointmentConfirmation c = inTenDays();
        c.confirm(ConfirmationMethod.LINK, "10.0.0.7", "Mozilla/5.0", null, now());
        assertThat(c.status()).isEqualTo(ConfirmationStatus.CONFIRMED);
        ConfirmationDetails d = c.details(now());
        assertThat(d.method()).isEqualTo(ConfirmationMethod.LINK);
        assertThat(d.confirmedAt()).isEqualTo(now());
        assertThat(d.confirmedByAddress()).isEqualTo("10.0.0.7");
        assertThat(d.confirmedByUserAgent()).isEqualTo("Mozilla/5.0");
        assertThat(d.valid()).isFalse();
        assertThat(c.events()).singleElement().isInstanceOf(ConfirmationReceived.class);
        // single use
        assertThatThrownBy(() -> c.confirm(ConfirmationMethod.LINK, null, null, null, now()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("CONFIRMED");
        assertThatThrownBy(() -> c.decline(ConfirmationMethod.LINK, "x", null, null, now()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void expiredToken() {
        AppointmentConfirmation c = inTenDays();
        advance(WEEK.plusDays(1));
        assertThat(c.isExpired(now())).isTrue();
        assertThatThrownBy(() -> c.confirm(ConfirmationMethod.LINK, null, null, null, now()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
        assertThat(c.status()).isEqualTo(ConfirmationStatus.PENDING);
        assertThat(c.end("EXPIRED", now())).isTrue();
        assertThat(c.status()).isEqualTo(ConfirmationStatus.EXPIRED);
        assertThat(c.events()).singleElement().isInstanceOfSatisfying(ConfirmationExpired.class, e -> assertThat(
                        e.because())
                .isEqualTo("EXPIRED"));
        // ending twice changes nothing
        assertThat(c.end("EXPIRED", now())).isFalse();
    }

    @Test
    void declineKeepsTheReason() {
        AppointmentConfirmation c = inTenDays();
        c.decline(ConfirmationMethod.LINK, "x".repeat(400), "10.0.0.8", "UA", now());
        assertThat(c.status()).isEqualTo(ConfirmationStatus.DECLINED);
        assertThat(c.details(now()).declineReason()).hasSize(300);
        assertThat(c.events()).singleElement().isInstanceOf(ConfirmationDeclined.class);
    }

    @Test
    void atMostThreeReminders() {
        AppointmentConfirmation c = inTenDays();
        c.requested("+966501234567", false, now());
        assertThat(c.lastRequestedAt()).isEqualTo(now());
        for (int i = 1; i <= 3; i++) {
            advance(Duration.ofDays(1));
            assertThat(c.canRemind(now())).isTrue();
            c.reminded("+966501234567", now());
            assertThat(c.reminderCount()).isEqualTo(i);
            assertThat(c.lastRequestedAt()).isEqualTo(now());
        }
        // asked is not sent: only the notifications module, once a message has left, says when
        assertThat(c.sentAt()).isNull();
        assertThat(c.lastReminderAt()).isNull();
        assertThat(c.canRemind(now())).isFalse();
        assertThatThrownBy(() -> c.reminded(null, now()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("3 times");
        assertThat(c.events())
                .hasSize(4)
                .extracting(e -> ((ConfirmationRequested) e).reminder())
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void aRenewalCarriesTheRemindersAlreadySent() {
        AppointmentConfirmation old = inTenDays();
        old.requested(null, false, now());
        old.reminded(null, now());
        advance(WEEK);
        old.end("EXPIRED", now());
        AppointmentConfirmation renewed =
                AppointmentConfirmation.renewal(old, appointment(old.appointmentStartsAt()), WEEK, now());
        assertThat(renewed.isValid(now())).isTrue();
        assertThat(renewed.reminderCount()).isEqualTo(1);
        assertThat(renewed.expiresAt()).isEqualTo(old.appointmentStartsAt());
    }

    @Test
    void confirmedElsewhereAnswersOnlyAPendingRequest() {
        AppointmentConfirmation c = inTenDays();
        assertThat(c.confirmedElsewhere(ConfirmationMethod.PHONE, now())).isTrue();
        assertThat(c.status()).isEqualTo(ConfirmationStatus.CONFIRMED);
        assertThat(c.confirmedElsewhere(ConfirmationMethod.PHONE, now())).isFalse();
    }

    @Test
    void repliesAreReadInBothLanguages() {
        for (String yes : new String[] {"1", " 1 ", "1.", "١", "yes", "Yes!", "YES", "نعم", "نعم،", "y"}) {
            assertThat(ReplyParser.read(yes)).as(yes).isEqualTo(ReplyParser.Answer.CONFIRM);
        }
        for (String no : new String[] {"2", "٢", " 2 "}) {
            assertThat(ReplyParser.read(no)).as(no).isEqualTo(ReplyParser.Answer.DECLINE);
        }
        for (String other : new String[] {"", null, "3", "12", "maybe", "what time?", "لا أعرف", "yes please call"}) {
            assertThat(ReplyParser.read(other)).as(String.valueOf(other)).isEqualTo(ReplyParser.Answer.OTHER);
        }
    }
}
