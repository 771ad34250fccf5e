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

    /**
     * The organiser of an event that names none (a clinic without a phone, a provider's feed): iTIP (RFC 5546) requires
     * one in a published and in a cancelling entry, and calendars (and ical4j's validation) refuse or warn without it.
     */
    private final String defaultOrganizer;

    /** With Tenhal's sender ({@code tenhal.notifications.mail-from}) as the organiser of events that name none. */
    @org.springframework.beans.factory.annotation.Autowired
    public CalendarFiles(
            @org.springframework.beans.factory.annotation.Value(
                            "${tenhal.notifications.mail-from:Tenhal <no-reply@tenhal.local>}")
                    String mailFrom) {
        java.util.regex.Matcher address =
                java.util.regex.Pattern.compile("<([^>]+)>").matcher(mailFrom);
        String email = address.find() ? address.group(1) : mailFrom.trim();
        this.defaultOrganizer = "mailto:" + (email.contains("@") ? email : "no-reply@tenhal.local");
    }

    public CalendarFiles() {
        this("Tenhal <no-reply@tenhal.local>");
    }

    /**
     * An appointment as a calendar would show it; {@code uid} stays the same when the appointment moves, so that a
     * calendar updates the event instead of adding a second one. {@code organizer} (a name) and
     * {@code organizerAddress} (a {@code mailto:} or {@code tel:} URI) may be null; {@code cancelled} makes a
     * cancelling entry ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}).
     */
    public record CalendarEvent(
            String uid,
            Instant start,
            Instant end,
            String summary,
            String location,
            String description,
            String organizer,
            String organizerAddress,
            boolean cancelled) {

        public CalendarEvent(
                String uid, Instant start, Instant end, String summary, String location, String description) {
            this(uid, start, end, summary, location, description, null, null, false);
        }
    }

    public byte[] file(CalendarEvent event, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tenhal//Appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(event.cancelled() ? Method.VALUE_CANCEL : Method.VALUE_PUBLISH));
        calendar.add(event(event, now));
        return write(calendar);
    }

    /**
     * A subscription feed: many events in one calendar ({@code METHOD:PUBLISH}), named {@code name}; cancelled events
     * are kept as {@code STATUS:CANCELLED} so that subscribed calendars remove them.
     */
    public byte[] feed(String name, java.util.List<CalendarEvent> events, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Tenhal//Provider feed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", name));
        for (CalendarEvent e : events) {
            calendar.add(event(e, now));
        }
        return write(calendar);
    }

    private VEvent event(CalendarEvent event, Instant now) {
        VEvent entry = new VEvent(event.start(), event.end(), event.summary());
        entry.add(new Uid(event.uid()));
        entry.replace(new DtStamp(now));
        // later files win: the sequence grows with the time the file is made (minutes since the epoch)
        entry.add(new net.fortuna.ical4j.model.property.Sequence((int) (now.getEpochSecond() / 60 - 29_000_000)));
        // always an organiser: iTIP requires one in PUBLISH and CANCEL
        net.fortuna.ical4j.model.property.Organizer organizer = new net.fortuna.ical4j.model.property.Organizer(
                java.net.URI.create(event.organizerAddress() != null ? event.organizerAddress() : defaultOrganizer));
        organizer.add(
                new net.fortuna.ical4j.model.parameter.Cn(event.organizer() != null ? event.organizer() : "Tenhal"));
        entry.add(organizer);
        if (event.cancelled()) {
            entry.add(new net.fortuna.ical4j.model.property.Status(
                    net.fortuna.ical4j.model.property.Status.VALUE_CANCELLED));
        }
        if (event.location() != null) {
            entry.add(new Location(event.location()));
        }
        if (event.description() != null) {
            entry.add(new Description(event.description()));
        }
        if (!event.cancelled()) {
            VAlarm alarm = new VAlarm(Duration.ofHours(-2));
            alarm.add(new Action(Action.VALUE_DISPLAY));
            alarm.add(new Description(event.summary()));
            entry.add(alarm);
        }
        return entry;
    }

    private static byte[] write(Calendar calendar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
