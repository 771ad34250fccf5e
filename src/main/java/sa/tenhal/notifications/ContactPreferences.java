package sa.tenhal.notifications;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientsMerged;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * A patient's quiet hours and the order of their channels (which channels they agreed to, and their language, live on
 * the patient's record). Without a choice of their own, the centre's defaults apply: quiet hours
 * {@code tenhal.notifications.quiet-start}/{@code quiet-end} (22:00-08:00), channels WhatsApp, then SMS, then email.
 * A message goes by the first of them the patient can be reached by, the next one only if it fails — unless the
 * patient asked for every channel at once.
 */
@Service
public class ContactPreferences {

    /** Quiet hours in clinic-local time; {@code custom} says the patient chose them. */
    public record QuietHours(LocalTime start, LocalTime end, boolean custom) {}

    /** The centre's order of channels for patients' messages, when a patient has not chosen one. */
    public static final List<Channel> DEFAULT_ORDER = List.of(Channel.WHATSAPP, Channel.SMS, Channel.EMAIL);

    /**
     * The order in which a patient's messages try their channels, and whether every channel they agreed to is used at
     * once ({@code everyChannel}, the patient asked for both); {@code custom} says the patient chose.
     */
    public record ChannelChoice(List<Channel> order, boolean everyChannel, boolean custom) {}

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final PatientRegistry patients;
    private final Clock clock;

    ContactPreferences(JdbcClient jdbc, NotificationProperties properties, PatientRegistry patients, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.patients = patients;
        this.clock = clock;
    }

    /** A patient's quiet hours, as the API shows them: 404 for an id that names no patient. */
    @Transactional(readOnly = true)
    public QuietHours ofPatient(PatientId patient) {
        requirePatient(patient);
        return quietHours(patient);
    }

    /** The hours that apply to a patient's messages (the centre's default unless they chose their own). */
    @Transactional(readOnly = true)
    public QuietHours quietHours(PatientId patient) {
        return jdbc.sql("select quiet_start, quiet_end from contact_preference where patient_id = :id")
                .param("id", patient.value())
                .query((rs, i) -> rs.getTime(1) == null
                        ? null
                        : new QuietHours(
                                rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime(), true))
                .optional()
                .orElse(new QuietHours(properties.quietStart(), properties.quietEnd(), false));
    }

    /** What applies to a patient's messages: their quiet hours and their channels. */
    record Applied(QuietHours quiet, ChannelChoice channels) {}

    /** {@link #quietHours} and {@link #channels} in one read (every message to a patient asks both). */
    @Transactional(readOnly = true)
    Applied applied(PatientId patient) {
        return jdbc.sql("""
                        select quiet_start, quiet_end, channel_order, every_channel
                          from contact_preference where patient_id = :id
                        """)
                .param("id", patient.value())
                .query((rs, i) -> new Applied(
                        rs.getTime(1) == null
                                ? defaultQuietHours()
                                : new QuietHours(
                                        rs.getTime(1).toLocalTime(),
                                        rs.getTime(2).toLocalTime(),
                                        true),
                        rs.getString(3) == null && !rs.getBoolean(4)
                                ? DEFAULT_CHOICE
                                : new ChannelChoice(order(rs.getString(3)), rs.getBoolean(4), true)))
                .optional()
                .orElseGet(() -> new Applied(defaultQuietHours(), DEFAULT_CHOICE));
    }

    private QuietHours defaultQuietHours() {
        return new QuietHours(properties.quietStart(), properties.quietEnd(), false);
    }

    private static final ChannelChoice DEFAULT_CHOICE = new ChannelChoice(DEFAULT_ORDER, false, false);

    /** A patient's channel order, as the API shows it: 404 for an id that names no patient. */
    @Transactional(readOnly = true)
    public ChannelChoice channelsOf(PatientId patient) {
        requirePatient(patient);
        return channels(patient);
    }

    /** The order that applies to a patient's messages (the centre's unless they chose their own). */
    @Transactional(readOnly = true)
    public ChannelChoice channels(PatientId patient) {
        return jdbc.sql("select channel_order, every_channel from contact_preference where patient_id = :id")
                .param("id", patient.value())
                .query((rs, i) -> rs.getString(1) == null && !rs.getBoolean(2)
                        ? null
                        : new ChannelChoice(order(rs.getString(1)), rs.getBoolean(2), true))
                .optional()
                .orElse(new ChannelChoice(DEFAULT_ORDER, false, false));
    }

    /**
     * Sets the order of a patient's channels (the channels left out follow in the centre's order) and whether every
     * channel they agreed to is used at once.
     */
    @Transactional
    public ChannelChoice setChannels(PatientId patient, List<Channel> order, boolean everyChannel) {
        requirePatient(patient);
        if (order == null) {
            throw new InvalidFieldsException("order", "is required");
        }
        if (order.stream().anyMatch(c -> c == null || c == Channel.IN_APP)) {
            throw new InvalidFieldsException("order", "may name only WHATSAPP, SMS and EMAIL");
        }
        String stored =
                String.join(",", order.stream().distinct().map(Enum::name).toList());
        jdbc.sql("""
                        insert into contact_preference (patient_id, channel_order, every_channel, updated_at)
                        values (:id, :order, :every, :now)
                        on conflict (patient_id) do update set channel_order = excluded.channel_order,
                            every_channel = excluded.every_channel, updated_at = excluded.updated_at
                        """)
                .param("id", patient.value())
                .param("order", stored)
                .param("every", everyChannel)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return channels(patient);
    }

    private static List<Channel> order(String stored) {
        List<Channel> order = new ArrayList<>();
        if (stored != null && !stored.isBlank()) {
            for (String name : stored.split(",")) {
                order.add(Channel.valueOf(name));
            }
        }
        for (Channel channel : DEFAULT_ORDER) {
            if (!order.contains(channel)) {
                order.add(channel);
            }
        }
        return List.copyOf(order);
    }

    @Transactional
    public QuietHours setQuietHours(PatientId patient, LocalTime start, LocalTime end) {
        requirePatient(patient);
        if (start == null || end == null) {
            throw new InvalidFieldsException(start == null ? "start" : "end", "is required");
        }
        jdbc.sql("""
                        insert into contact_preference (patient_id, quiet_start, quiet_end, updated_at) values (:id, :start, :end, :now)
                        on conflict (patient_id) do update set quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                            updated_at = excluded.updated_at
                        """)
                .param("id", patient.value())
                .param("start", Time.valueOf(start))
                .param("end", Time.valueOf(end))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return quietHours(patient);
    }

    @Transactional
    public QuietHours reset(PatientId patient) {
        requirePatient(patient);
        // the channel order, if the patient chose one, stays
        jdbc.sql("update contact_preference set quiet_start = null, quiet_end = null where patient_id = :id")
                .param("id", patient.value())
                .update();
        return quietHours(patient);
    }

    private void requirePatient(PatientId patient) {
        if (patients.status(patient).isEmpty()) {
            throw new NotFoundException("Patient", patient);
        }
    }

    /** A merge keeps the survivor's choice, or takes the merged record's if the survivor had none. */
    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        jdbc.sql("""
                        update contact_preference set patient_id = :survivor
                         where patient_id = :merged and not exists (select 1 from contact_preference where patient_id = :survivor)
                        """)
                .param("survivor", merged.survivor().value())
                .param("merged", merged.merged().value())
                .update();
    }
}
