package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;

/** The appointment's state machine: allowed transitions, refusals naming the status, late cancellation. */
class AppointmentTests {

    static final Instant START = Instant.parse("2026-11-22T06:00:00Z");
    static final java.time.ZoneId RIYADH = java.time.ZoneId.of("Asia/Riyadh");
    static final Duration GRACE = Duration.ofMinutes(15);

    static Appointment booked() {
        return new Appointment(
                placement(START),
                new PatientId(UUID.randomUUID()),
                null,
                null,
                null,
                false,
                null,
                START.minus(Duration.ofDays(3)));
    }

    static Placement placement(Instant start) {
        return new Placement(
                new ClinicId(UUID.randomUUID()),
                new ProviderId(UUID.randomUUID()),
                new ServiceId(UUID.randomUUID()),
                null,
                start,
                start.plus(Duration.ofMinutes(45)),
                start.plus(Duration.ofMinutes(60)));
    }

    @Test
    void theHappyPathGoesFromBookedToCompleted() {
        Appointment a = booked();
        a.confirm(ConfirmationMethod.PHONE, START.minus(Duration.ofDays(1)));
        a.arrive(START.minus(Duration.ofMinutes(5)), RIYADH, GRACE);
        a.start(START);
        a.complete(START.plus(Duration.ofMinutes(45)));
        assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(a.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "AppointmentBooked",
                        "AppointmentConfirmed",
                        "AppointmentArrived",
                        "AppointmentStarted",
                        "AppointmentCompleted");
        AppointmentCompleted completed = (AppointmentCompleted) a.events().get(4);
        assertThat(completed.appointmentId()).isEqualTo(a.uuid());
        assertThat(completed.startsAt()).isEqualTo(START);
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheCurrentStatus() {
        Appointment a = booked();
        assertThatThrownBy(() -> a.complete(START))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("BOOKED")
                .satisfies(
                        e -> assertThat(((ConflictException) e).properties()).containsEntry("currentStatus", "BOOKED"));
        a.cancel("family travel", null, START.minus(Duration.ofDays(2)));
        assertThatThrownBy(() -> a.confirm(ConfirmationMethod.LINK, START)).hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> a.arrive(START, RIYADH, GRACE)).hasMessageContaining("CANCELLED");
        assertThatThrownBy(() -> a.reschedule(placement(START.plus(Duration.ofDays(1))), null, START))
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void cancellingUnder24HoursBeforeIsLate() {
        Appointment early = booked();
        early.cancel("sick", null, START.minus(Duration.ofHours(25)));
        assertThat(early.details().lateCancellation()).isFalse();

        Appointment late = booked();
        late.cancel("sick", null, START.minus(Duration.ofHours(23)));
        assertThat(late.details().lateCancellation()).isTrue();
        assertThat(late.details().cancelReason()).isEqualTo("sick");
    }

    @Test
    void checkInOnlyOnTheAppointmentsDayAndUntilItsEndPlusTheGrace() {
        // START is 09:00 in Riyadh; the visit ends 09:45
        Appointment tomorrows = booked();
        assertThatThrownBy(() -> tomorrows.arrive(START.minus(Duration.ofDays(1)), RIYADH, GRACE))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("only on the appointment's day (2026-11-22)")
                .satisfies(e -> assertThat(((ConflictException) e).type()).isEqualTo("check-in-not-today"));
        Appointment over = booked();
        assertThatThrownBy(() -> over.arrive(START.plus(Duration.ofMinutes(61)), RIYADH, GRACE))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).type()).isEqualTo("check-in-too-late"));
        assertThat(over.status()).isEqualTo(AppointmentStatus.BOOKED);
        // early in the morning of the day, and late but within the grace, are fine
        Appointment early = booked();
        early.arrive(START.minus(Duration.ofHours(2)), RIYADH, GRACE);
        assertThat(early.status()).isEqualTo(AppointmentStatus.ARRIVED);
        Appointment late = booked();
        late.arrive(START.plus(Duration.ofMinutes(60)), RIYADH, GRACE);
        assertThat(late.status()).isEqualTo(AppointmentStatus.ARRIVED);
    }

    @Test
    void noShowOnlyAfterTheStart() {
        Appointment a = booked();
        assertThatThrownBy(() -> a.markNoShow(START.minusSeconds(1))).isInstanceOf(ConflictException.class);
        a.markNoShow(START.plus(Duration.ofMinutes(20)));
        assertThat(a.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(a.status().holdsTime()).isFalse();
    }

    @Test
    void rescheduleKeepsTheStatusAndReturnsTheOldTime() {
        Appointment a = booked();
        a.confirm(ConfirmationMethod.LINK, START.minus(Duration.ofDays(2)));
        a.reminded(ReminderOffset.H24, START.minus(Duration.ofDays(1)));
        Placement old = a.reschedule(placement(START.plus(Duration.ofDays(1))), null, START.minus(Duration.ofDays(1)));
        assertThat(old.startsAt()).isEqualTo(START);
        assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(a.remindedOf(ReminderOffset.H24)).isFalse();
        AppointmentRescheduled moved = (AppointmentRescheduled) a.events().get(2);
        assertThat(moved.oldStartsAt()).isEqualTo(START);
        assertThat(moved.startsAt()).isEqualTo(START.plus(Duration.ofDays(1)));
    }
}
