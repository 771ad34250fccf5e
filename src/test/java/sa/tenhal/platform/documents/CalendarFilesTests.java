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
}
