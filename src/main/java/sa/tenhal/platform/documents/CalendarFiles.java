package sa.tenhal.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;

/**
 * "Add to calendar" files (iCalendar, RFC 5545) for a patient's phone: one event in UTC, so no time-zone table is
 * needed, with a reminder two hours before.
 */
@Component
public class CalendarFiles {

    public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

    /** An appointment as a calendar would show it; {@code uid} stays the same when the appointment moves. */
    public record CalendarEvent(
            String uid, Instant start, Instant end, String summary, String location, String description) {}

    public byte[] file(CalendarEvent event, Instant now) {
        VEvent entry = new VEvent(event.start(), event.end(), event.summary());
        entry.add(new Uid(event.uid()));
        entry.replace(new DtStamp(now));
        if (event.location() != null) {
            entry.add(new Location(event.location()));
        }
        if (event.description() != null) {
            entry.add(new Description(event.description()));
        }
        VAlarm alarm = new VAlarm(Duration.ofHours(-2));
        alarm.add(new Action(Action.VALUE_DISPLAY));
        alarm.add(new Description(event.summary()));
        entry.add(alarm);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tenhal//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(entry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
