package sa.tenhal.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.tenhal.platform.SecretTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15's crash test. Tenhal runs as a process of its own on its embedded PostgreSQL with the settings it ships
 * with (durable: not the test profile's), demo data, SMS and WhatsApp through a Twilio stub and email through an SMTP
 * server that this test runs, and its jobs executing. Several clerks book and cancel over the API at once; then
 * Tenhal and its PostgreSQL are killed (SIGSTOP, SIGKILL: nothing shuts down cleanly) in the middle of it, and
 * restarted on the same data directory — {@value #DEFAULT_ROUNDS} times (system property
 * {@code tenhal.crash.rounds}). Then:
 *
 * <ul>
 *   <li>every booking answered 201 exists, every cancellation answered 200 is cancelled (read right after each crash
 *       from the data directory, before Tenhal touches it, and again at the end);
 *   <li>no message lost: every message the database recorded reaches the Twilio stub or the SMTP server at least once,
 *       ends SENT, and every booking still booked has its confirmation request sent ({@code sentAt});
 *   <li>nothing sent twice except as the policy allows: a second copy only of a message that was in flight (SENDING)
 *       at a crash, and only by email (SMTP cannot be asked; Twilio is) — with the same {@code Message-ID}.
 * </ul>
 *
 * The counts are printed. Named {@code *Tests} (it starts no Spring context in this JVM), so CI's second pass, which
 * runs the {@code *IntegrationTests} against {@code TENHAL_DB_URL}, leaves it out: it is about the embedded server,
 * which it always uses (the database variables are removed from the process's environment). With
 * {@code -Dtenhal.crash.durable=false} it runs Tenhal with the old, fast settings, to show what they lose.
 */
class CrashRecoveryTests {

    static final int DEFAULT_ROUNDS = 2;
    static final int CLERKS = 4;
    /** Answered writes per round before the crash (or whatever was answered after {@link #LOAD_AT_MOST}). */
    static final int WRITES_PER_ROUND = 24;

    static final Duration READY_AT_MOST = Duration.ofMinutes(4);
    static final Duration LOAD_AT_MOST = Duration.ofSeconds(90);
    static final Duration SETTLE_AT_MOST = Duration.ofMinutes(3);
    static final Pattern TENHAL_MESSAGE_ID = Pattern.compile("<tenhal\\.([0-9a-f-]{36})@");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    GreenMail smtp;
    TwilioFake twilio;
    TenhalProcess tenhal;
    EmbeddedPostgres alone;
    final List<Thread> clerks = new ArrayList<>();
    final AtomicBoolean stop = new AtomicBoolean();

    @AfterEach
    void nothingSurvives() throws Exception {
        stop.set(true);
        for (Thread clerk : clerks) {
            clerk.interrupt();
            clerk.join(30_000);
        }
        if (alone != null) {
            alone.close();
        }
        if (tenhal != null) {
            tenhal.destroy();
        }
        TenhalProcess.postmaster(dir.resolve("postgres")).ifPresent(pm -> {
            pm.descendants().forEach(ProcessHandle::destroyForcibly);
            pm.destroyForcibly();
        });
        if (smtp != null) {
            smtp.stop();
        }
        if (twilio != null) {
            twilio.shutDown();
        }
    }

    @Test
    void answeredWritesAndMessagesSurviveKillingTenhalAndItsDatabase() throws Exception {
        long began = System.nanoTime();
        int rounds = Integer.getInteger("tenhal.crash.rounds", DEFAULT_ROUNDS);
        boolean durable = Boolean.parseBoolean(System.getProperty("tenhal.crash.durable", "true"));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        twilio = new TwilioFake();
        Path pgData = dir.resolve("postgres");
        int port = freePort();
        int pgPort = freePort();
        Map<String, String> settings = settings(port, pgPort, pgData, durable);
        String db = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres";

        tenhal = TenhalProcess.start(settings, pgData, dir.resolve("tenhal-1.log"));
        tenhal.awaitReady(READY_AT_MOST);
        System.out.printf("crash test: Tenhal ready in %ds%n", seconds(began));
        Clinic clinic;
        try (Connection c = DriverManager.getConnection(db)) {
            assertThat(show(c, "fsync") + show(c, "full_page_writes") + show(c, "synchronous_commit"))
                    .as("the embedded server Tenhal runs is durable")
                    .isEqualTo(durable ? "ononon" : "offoffoff");
            clinic = Clinic.of(c, port);
        }

        Set<UUID> booked = new HashSet<>();
        Set<UUID> cancelled = new HashSet<>();
        Set<UUID> inFlight = new HashSet<>();
        List<TenhalProcess> restarted = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Load load = new Load(clinic);
            long started = System.nanoTime();
            load.start();
            load.awaitWrites(WRITES_PER_ROUND, LOAD_AT_MOST);
            int killed = tenhal.crash();
            load.stop();
            booked.addAll(load.booked);
            cancelled.addAll(load.cancelled);
            assertThat(load.booked)
                    .as("bookings answered 201 in round %d", round)
                    .isNotEmpty();

            // What the data directory holds right after the crash, before Tenhal touches it again.
            Set<UUID> sending;
            Lost lost;
            alone = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start();
            try (Connection c = alone.getPostgresDatabase().getConnection()) {
                lost = Lost.in(c, booked, cancelled);
                sending = ids(c, "select id from notification_message where status = 'SENDING'");
            }
            alone.close();
            alone = null;
            inFlight.addAll(sending);
            String summary = "round %d: %d bookings answered 201, %d cancellations answered 200, %d processes killed"
                            .formatted(round, load.booked.size(), load.cancelled.size(), killed)
                    + " after %ds of load; %d messages in flight (SENDING); lost after the crash: %s"
                            .formatted(seconds(started), sending.size(), lost);
            System.out.println("crash test: " + summary);
            assertThat(lost.bookings())
                    .as("bookings answered 201 but gone after crash %d", round)
                    .isEmpty();
            assertThat(lost.cancellations())
                    .as("cancellations answered 200 but undone after crash %d", round)
                    .isEmpty();

            long restarting = System.nanoTime();
            tenhal = TenhalProcess.start(settings, pgData, dir.resolve("tenhal-" + (round + 1) + ".log"));
            tenhal.awaitReady(READY_AT_MOST);
            restarted.add(tenhal);
            System.out.printf("crash test: Tenhal ready again in %ds%n", seconds(restarting));
        }

        // After the last restart: everything recorded goes out, and the writes are still there.
        try (Connection c = DriverManager.getConnection(db)) {
            long settling = System.nanoTime();
            settle(c);
            System.out.printf(
                    "crash test: settled in %ds after the last restart; the restarted nodes took over %d messages left"
                            + " SENDING, found %d of them at Twilio already (not sent again), sent %d emails again as"
                            + " themselves%n",
                    seconds(settling),
                    restarted.stream()
                            .mapToLong(p -> p.linesWith("was left SENDING"))
                            .sum(),
                    restarted.stream()
                            .mapToLong(p -> p.linesWith("had reached twilio"))
                            .sum(),
                    restarted.stream()
                            .mapToLong(p -> p.linesWith("smtp cannot tell"))
                            .sum());
            Lost lost = Lost.in(c, booked, cancelled);
            assertThat(lost.bookings()).isEmpty();
            assertThat(lost.cancellations()).isEmpty();

            Map<UUID, String> recorded = new LinkedHashMap<>();
            Map<UUID, String> statuses = new HashMap<>();
            try (ResultSet rs = c.createStatement()
                    // a patient's further channel held behind one that did not fail is not meant to go (one channel
                    // per message); one held behind a failed message would be a lost message, so it counts
                    .executeQuery("""
                            select m.id, m.channel, m.status from notification_message m
                             where m.channel <> 'IN_APP' and not (m.status = 'HELD' and exists (
                                   select 1 from notification_message f where f.id = m.fallback_of and f.status <> 'FAILED'))
                            """)) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    recorded.put(id, rs.getString(2));
                    statuses.put(id, rs.getString(3));
                }
            }
            Map<UUID, Integer> copies = new HashMap<>();
            twilio.acceptedByTenhalId().forEach((id, n) -> copies.merge(UUID.fromString(id), n, Integer::sum));
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                Matcher m = TENHAL_MESSAGE_ID.matcher(String.valueOf(mail.getMessageID()));
                assertThat(m.find())
                        .as("every email carries Tenhal's Message-ID")
                        .isTrue();
                copies.merge(UUID.fromString(m.group(1)), 1, Integer::sum);
            }
            int duplicates = 0;
            int emailDuplicates = 0;
            List<UUID> undelivered = new ArrayList<>();
            List<UUID> duplicatedOutsideCrash = new ArrayList<>();
            List<UUID> textsTwice = new ArrayList<>();
            for (var message : recorded.entrySet()) {
                int n = copies.getOrDefault(message.getKey(), 0);
                if (n == 0) {
                    undelivered.add(message.getKey());
                } else if (n > 1) {
                    duplicates += n - 1;
                    if (!inFlight.contains(message.getKey())) {
                        duplicatedOutsideCrash.add(message.getKey());
                    }
                    if ("EMAIL".equals(message.getValue())) {
                        emailDuplicates += n - 1;
                    } else {
                        textsTwice.add(message.getKey());
                    }
                }
            }
            Set<UUID> unknown = new HashSet<>(copies.keySet());
            unknown.removeAll(recorded.keySet());
            long notSent = statuses.values().stream()
                    .filter(s -> !s.equals("SENT") && !s.equals("DELIVERED"))
                    .count();
            System.out.printf(
                    "crash test: %d rounds in %ds; %d bookings answered 201 (all present), %d cancellations answered"
                            + " 200 (all cancelled); %d messages recorded (%d by email), %d delivered to Twilio, %d"
                            + " to SMTP, %d not delivered, %d not SENT; %d in flight at the crashes; %d duplicates (%d"
                            + " emails resent with their Message-ID, %d texts), %d outside a crash%n",
                    rounds,
                    seconds(began),
                    booked.size(),
                    cancelled.size(),
                    recorded.size(),
                    recorded.values().stream().filter("EMAIL"::equals).count(),
                    twilio.accepted(),
                    smtp.getReceivedMessages().length,
                    undelivered.size(),
                    notSent,
                    inFlight.size(),
                    duplicates,
                    emailDuplicates,
                    textsTwice.size(),
                    duplicatedOutsideCrash.size());
            assertThat(recorded).as("messages recorded").isNotEmpty();
            assertThat(undelivered).as("messages recorded but never delivered").isEmpty();
            assertThat(notSent).as("messages not SENT in the end").isZero();
            assertThat(unknown)
                    .as("messages delivered that the database does not know")
                    .isEmpty();
            assertThat(duplicatedOutsideCrash)
                    .as("messages sent twice that were not in flight at a crash")
                    .isEmpty();
            assertThat(textsTwice)
                    .as("texts sent twice (Twilio is asked first)")
                    .isEmpty();
            assertThat(duplicates).isLessThanOrEqualTo(inFlight.size());
        }
    }

    /** The settings of the Tenhal under test: its own ports and data, the stubs, and recovery made quick. */
    Map<String, String> settings(int port, int pgPort, Path pgData, boolean durable) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.port", String.valueOf(port));
        s.put("tenhal.base-url", "http://127.0.0.1:" + port);
        s.put("tenhal.database.embedded.data-directory", pgData.toString());
        s.put("tenhal.database.embedded.port", String.valueOf(pgPort));
        if (!durable) {
            s.put("tenhal.database.embedded.durable", "false");
        }
        s.put("tenhal.demo.enabled", "true");
        s.put("spring.datasource.hikari.maximum-pool-size", "8");
        s.put("tenhal.notifications.smtp.host", "127.0.0.1");
        s.put("tenhal.notifications.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        s.put("tenhal.notifications.smtp.starttls", "false");
        s.put("tenhal.notifications.twilio.account-sid", "ACcrash");
        s.put("tenhal.notifications.twilio.auth-token", "crash-test-token");
        s.put("tenhal.notifications.twilio.sms-from", "+15550001111");
        s.put("tenhal.notifications.twilio.whatsapp-from", "+15550002222");
        s.put("tenhal.notifications.twilio.api-url", twilio.baseUrl());
        // no quiet hours: every message is due at once, whatever the hour CI runs at
        s.put("tenhal.notifications.quiet-start", "00:00");
        s.put("tenhal.notifications.quiet-end", "00:00");
        // recovery in seconds rather than minutes: a dead node's executions are revived after 4 missed heartbeats of
        // a second, a message's attempt is stale after 5 s, the safety nets run every 5 s
        s.put("tenhal.notifications.sending-stuck-after", "5s");
        s.put("db-scheduler.heartbeat-interval", "1s");
        s.put("db-scheduler.missed-heartbeats-limit", "4");
        s.put("db-scheduler.polling-interval", "500ms");
        s.put("db-scheduler.threads", "8");
        s.put("tenhal.jobs.recover-messages.cron", "*/5 * * * * *");
        s.put("tenhal.events.stuck-after", "5s");
        s.put("tenhal.events.first-delay", "1s");
        s.put("tenhal.jobs.resubmit-failed-events.cron", "*/5 * * * * *");
        s.put("logging.level.root", "WARN");
        s.put("logging.level.sa.tenhal", "INFO");
        s.put("spring.main.banner-mode", "off");
        return s;
    }

    /**
     * Waits until nothing is left to do: no message QUEUED or SENDING, no event publication incomplete, and every
     * booking still booked has its confirmation request sent.
     */
    void settle(Connection c) throws Exception {
        long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
        String left = "";
        while (System.nanoTime() < deadline) {
            long pending = count(
                    c,
                    "select count(*) from notification_message where channel <> 'IN_APP' and status in ('QUEUED', 'SENDING')");
            long events = count(c, "select count(*) from event_publication where completion_date is null");
            long unsent = count(c, """
                    select count(*) from appointment a
                     where a.status = 'BOOKED' and a.starts_at > now()
                       and not exists (select 1 from appointment_confirmation k
                                        where k.appointment_id = a.id and k.sent_at is not null)
                    """);
            if (pending == 0 && events == 0 && unsent == 0) {
                return;
            }
            left = pending + " messages queued or sending, " + events + " event publications incomplete, " + unsent
                    + " booked appointments without a sent confirmation request";
            Thread.sleep(500);
        }
        throw new AssertionError("still not settled after " + SETTLE_AT_MOST + ": " + left + "\n" + tenhal.tail(60));
    }

    // --- the clinic as the clerks see it ---

    /** One clerk's patch: a provider of a clinic of its own, a service there, patients of its own, free slots. */
    record Desk(UUID provider, UUID service, Duration busy, List<UUID> patients, List<Instant> slots) {}

    /** What the clerks need: a bearer token (a reception user's, stored hashed as Tenhal stores it) and their desks. */
    record Clinic(int port, String bearer, List<Desk> desks) {

        static Clinic of(Connection c, int port) throws Exception {
            String token = "tnh_" + SecretTokens.newSecret();
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into api_token (id, user_id, name, token_hash, prefix, issued_at)
                    select gen_random_uuid(), id, 'crash test', ?, ?, now() from staff_user where username = 'reception'
                    """)) {
                insert.setString(1, SecretTokens.sha256(token));
                insert.setString(2, token.substring(0, 10));
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            // one provider and service per clinic, so that clerks never compete for a provider or a room
            record Pair(UUID provider, UUID service, Duration busy) {}
            List<Pair> pairs = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select distinct on (pc.clinic_id) p.id, s.id, s.duration_minutes + s.buffer_minutes
                      from provider p join provider_clinic pc on pc.provider_id = p.id
                      join clinical_service s on s.clinic_id = pc.clinic_id and s.active
                     order by pc.clinic_id, p.id, s.duration_minutes, s.id
                    """)) {
                while (rs.next()) {
                    pairs.add(new Pair(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            Duration.ofMinutes(rs.getInt(3))));
                }
            }
            List<UUID> patients = List.copyOf(ids(c, "select id from patient order by id"));
            assertThat(pairs).hasSizeGreaterThanOrEqualTo(CLERKS);
            String bearer = "Bearer " + token;
            HttpClient http = HttpClient.newHttpClient();
            List<Desk> desks = new ArrayList<>();
            for (int i = 0; i < CLERKS; i++) {
                UUID provider = pairs.get(i).provider();
                UUID service = pairs.get(i).service();
                List<UUID> own = new ArrayList<>();
                for (int p = i; p < patients.size(); p += CLERKS) {
                    own.add(patients.get(p));
                }
                LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(2);
                HttpResponse<String> slots = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/slots?serviceId="
                                        + service + "&providerId=" + provider + "&from=" + from + "&to="
                                        + from.plusDays(27)))
                                .header("Authorization", bearer)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
                List<Instant> starts = new ArrayList<>();
                for (JsonNode slot : JSON.readTree(slots.body())) {
                    starts.add(Instant.parse(slot.get("startsAt").asString()));
                }
                desks.add(new Desk(provider, service, pairs.get(i).busy(), own, starts));
            }
            return new Clinic(port, bearer, desks);
        }
    }

    /** The clerks of one round: each books its desk's next free slots and now and then cancels one of its bookings. */
    final class Load {
        final Clinic clinic;
        final ConcurrentLinkedQueue<UUID> booked = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<UUID> cancelled = new ConcurrentLinkedQueue<>();
        final AtomicInteger writes = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        final AtomicBoolean over = new AtomicBoolean();

        Load(Clinic clinic) {
            this.clinic = clinic;
        }

        void start() {
            for (Desk desk : clinic.desks()) {
                Thread t = new Thread(() -> clerk(desk), "clerk-" + threads.size());
                t.setDaemon(true);
                threads.add(t);
                clerks.add(t);
                t.start();
            }
        }

        void awaitWrites(int writes, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (this.writes.get() < writes
                    && System.nanoTime() < deadline
                    && threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            over.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        /** Until the crash cuts it off (any failure to get an answer ends the clerk's round). */
        void clerk(Desk desk) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            List<UUID> mine = new ArrayList<>();
            int patient = ThreadLocalRandom.current().nextInt(desk.patients().size());
            try {
                while (!over.get() && !stop.get()) {
                    Instant start = nextSlot(desk);
                    if (start == null) {
                        return;
                    }
                    UUID who = desk.patients().get(patient++ % desk.patients().size());
                    HttpResponse<String> answer = post(
                            http, "/api/v1/appointments", """
                            {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s","notes":"crash test"}""".formatted(who, desk.service(), desk.provider(), start));
                    if (answer.statusCode() == 201) {
                        String location =
                                answer.headers().firstValue("Location").orElseThrow();
                        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
                        booked.add(id);
                        mine.add(id);
                        writes.incrementAndGet();
                    }
                    if (mine.size() >= 3 && ThreadLocalRandom.current().nextInt(3) == 0) {
                        UUID id = mine.remove(ThreadLocalRandom.current().nextInt(mine.size()));
                        HttpResponse<String> cancel =
                                post(http, "/api/v1/appointments/" + id + "/cancel", "{\"reason\":\"crash test\"}");
                        if (cancel.statusCode() == 200) {
                            cancelled.add(id);
                            writes.incrementAndGet();
                        }
                    }
                }
            } catch (IOException | InterruptedException cutOff) {
                // the crash: no answer, so nothing to record
            }
        }

        /** The desk's next slot after what it booked (slots are taken in order, never overlapping). */
        Instant nextSlot(Desk desk) {
            if (desk.slots().isEmpty()) {
                return null;
            }
            Instant start = desk.slots().remove(0);
            desk.slots().removeIf(s -> s.isBefore(start.plus(desk.busy())));
            return start;
        }

        HttpResponse<String> post(HttpClient http, String path, String json) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + clinic.port() + path))
                            .header("Authorization", clinic.bearer())
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Answered writes missing from a database. */
    record Lost(List<UUID> bookings, List<UUID> cancellations) {

        static Lost in(Connection c, Set<UUID> booked, Set<UUID> cancelled) throws SQLException {
            Set<UUID> present = in(c, "select id from appointment where id = any(?)", booked);
            Set<UUID> cancelledNow =
                    in(c, "select id from appointment where status = 'CANCELLED' and id = any(?)", cancelled);
            List<UUID> lostBookings =
                    booked.stream().filter(id -> !present.contains(id)).toList();
            List<UUID> undone =
                    cancelled.stream().filter(id -> !cancelledNow.contains(id)).toList();
            return new Lost(lostBookings, undone);
        }

        private static Set<UUID> in(Connection c, String sql, Set<UUID> ids) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Array array = c.createArrayOf("uuid", ids.toArray());
                s.setArray(1, array);
                Set<UUID> found = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        }

        @Override
        public String toString() {
            return bookings.size() + " bookings, " + cancellations.size() + " cancellations";
        }
    }

    // --- small things ---

    static String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Set<UUID> ids(Connection c, String sql) throws SQLException {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }
}
