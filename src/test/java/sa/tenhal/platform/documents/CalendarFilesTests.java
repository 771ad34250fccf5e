package sa.tenhal.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarFilesTests {

    @Test
    void anAppointmentBecomesOneEventInUtcWithAReminderThatCalendarsRead() throws Exception {
        var event = new CalendarFiles.CalendarEvent(
                "appointment-42@tenhal",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:45:00Z"),
                "علاج النطق · Speech therapy",
                "مركز تنهال، الرياض",
                null);
        byte[] file = new CalendarFiles().file(event, Instant.parse("2026-11-21T08:00:00Z"));
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "UID:appointment-42@tenhal")
                .contains("DTSTART:20261123T060000Z", "DTEND:20261123T064500Z", "BEGIN:VALARM", "TRIGGER:-PT2H");

        Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(file));
        VEvent parsedEvent = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(parsedEvent.getSummary().getValue()).isEqualTo("علاج النطق · Speech therapy");
        assertThat(parsedEvent.getLocation().getValue()).isEqualTo("مركز تنهال، الرياض");
    }

    @Test
    void aCancellingEntryValidatesWithItsOrganiser() throws Exception {
        var event = new CalendarFiles.CalendarEvent(
                "appointment-42@tenhal",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:45:00Z"),
                "Speech clinic · Dr Huda",
                "Nakheel Centre, King Fahd Road",
                "+966112345678",
                "Speech clinic",
                "tel:+966112345678",
                true);
        byte[] file = new CalendarFiles().file(event, Instant.parse("2026-11-21T08:00:00Z"));
        Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(file));
        assertThat(parsed.validate().getEntries()).isEmpty();
        VEvent cancelled = parsed.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(cancelled.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("tel:+966112345678");
        assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void withoutAClinicPhoneAndInAFeedTheSenderOrganisesSoNothingWarns() throws Exception {
        var noPhone = new CalendarFiles.CalendarEvent(
                "appointment-43@tenhal",
                Instant.parse("2026-11-23T06:00:00Z"),
                Instant.parse("2026-11-23T06:20:00Z"),
                "Speech clinic",
                null,
                null,
                "Speech clinic",
                null,
                true);
        CalendarFiles files = new CalendarFiles("Nakheel Centre <desk@nakheel.example>");
        Calendar cancelling = new CalendarBuilder()
                .build(new ByteArrayInputStream(files.file(noPhone, Instant.parse("2026-11-21T08:00:00Z"))));
        assertThat(cancelling.validate().getEntries()).isEmpty();
        assertThat(cancelling
                        .<VEvent>getComponent("VEVENT")
                        .orElseThrow()
                        .getProperty("ORGANIZER")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("mailto:desk@nakheel.example");

        var other = new CalendarFiles.CalendarEvent(
                "appointment-44@tenhal",
                Instant.parse("2026-11-23T07:00:00Z"),
                Instant.parse("2026-11-23T07:45:00Z"),
                "L. Q. · Speech session",
                "Speech clinic",
                null);
        Calendar feed = new CalendarBuilder()
                .build(new ByteArrayInputStream(
                        files.feed("Tenhal · Dr Huda", java.util.List.of(noPhone, other), Instant.now())));
        assertThat(feed.validate().getEntries()).isEmpty();
        assertThat(feed.<VEvent>getComponents("VEVENT")).hasSize(2);
    }
}
