package sa.tenhal.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.tenhal.platform.SecretTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's failure suite: two Tenhal nodes — each a process of its own, the application's class path, Tenhal's own
 * settings — on one PostgreSQL, with email through an SMTP server and SMS through a Twilio stub that this test runs,
 * and things broken on purpose. Each scenario prints its counts ({@code failure suite: …}); bench/RESULTS.md keeps
 * them. Run by {@code mvn -Pfailure verify} (CI does, after {@code mvn verify}); not part of the default run.
 *
 * <p>Set-up: node A starts once alone on an embedded PostgreSQL of its own and loads the demo data; it stops, and this
 * test serves that data directory as the shared PostgreSQL server that both nodes then use through
 * {@code TENHAL_DB_URL} (demo data is never loaded into a configured server, so it is made this way). Timings are made
 * short where production's would only make the test long: heartbeats every second, retries after 10, 20, 40 s.
 */
class TwoNodeFailures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration READY_AT_MOST = Duration.ofMinutes(4);
    static final Pattern MESSAGE_ID = Pattern.compile("<tenhal\\.([0-9a-f-]{36})@");
    static final Pattern RECURRING_RUN = Pattern.compile("Recurring job (\\S+) runs for its due time (\\S+) on (\\S+)");
    /** The providers' outage: the issue's two minutes (shorter for a quick local run with {@code -Dtenhal.failure.outage-seconds=…}). */
    static final int OUTAGE_SECONDS = Integer.getInteger("tenhal.failure.outage-seconds", 120);

    @TempDir
    Path dir;

    static final String JOURNAL = "journal@clinic.example";

    GreenMail smtp;
    int smtpPort;
    int imapPort;
    TwilioFake twilio;
    EmbeddedPostgres postgres;
    int pgPort;
    Path pgData;
    TenhalProcess a;
    TenhalProcess b;
    int portA;
    int portB;
    String reception;
    String admin;
    CrashRecoveryTests.Clinic clinic;
    List<UUID> patients;
    final Map<String, Integer> mailBefore = new ConcurrentHashMap<>();
    final List<String> results = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void nothingSurvives() throws Exception {
        for (TenhalProcess node : new TenhalProcess[] {a, b}) {
            if (node != null) {
                node.destroy();
            }
        }
        // the nodes' logs, kept for whoever reads a failure
        Path logs = Files.createDirectories(Path.of("target", "failure-suite-logs"));
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (twilio != null) {
            twilio.shutDown();
        }
    }

    @Test
    void twoNodesOnOnePostgresqlSurviveWhatIsThrownAtThem() throws Exception {
        long began = System.nanoTime();
        smtpPort = CrashRecoveryTests.freePort();
        imapPort = CrashRecoveryTests.freePort();
        smtp = startSmtp();
        twilio = new TwilioFake();
        portA = CrashRecoveryTests.freePort();
        portB = CrashRecoveryTests.freePort();
        pgPort = CrashRecoveryTests.freePort();
        pgData = dir.resolve("postgres");

        // the demo data, loaded once by node A on an embedded server of its own
        Map<String, String> alone = settings(portA, "node-a");
        alone.put("tenhal.database.embedded.data-directory", pgData.toString());
        alone.put("tenhal.database.embedded.port", String.valueOf(pgPort));
        alone.put("tenhal.database.embedded.durable", "false");
        TenhalProcess loading = TenhalProcess.start(alone, pgData, dir.resolve("node-a-demo.log"));
        loading.awaitReady(READY_AT_MOST);
        assertThat(loading.terminate(Duration.ofMinutes(1))).isIn(0, 143);
        postgres = startPostgres();
        print("set-up: demo data loaded by node A alone and its database served to both nodes in %ds", seconds(began));

        long starting = System.nanoTime();
        a = TenhalProcess.start(server(portA, "node-a"), dir.resolve("none"), dir.resolve("node-a.log"));
        b = TenhalProcess.start(server(portB, "node-b"), dir.resolve("none"), dir.resolve("node-b.log"));
        a.awaitReady(READY_AT_MOST);
        b.awaitReady(READY_AT_MOST);
        print("set-up: both nodes ready in %ds", seconds(starting));
        try (Connection c = db()) {
            clinic = CrashRecoveryTests.Clinic.of(c, portA);
            reception = clinic.bearer();
            admin = "Bearer " + token(c, "admin");
            patients = List.copyOf(
                    CrashRecoveryTests.ids(c, "select id from patient where status = 'ACTIVE' order by id"));
        }

        // -Dtenhal.failure.only=postgres,sigterm runs only those (the set-up always)
        String only = System.getProperty("tenhal.failure.only", "");
        if (only.isBlank() || only.contains("slot")) {
            oneSlotFiftyClerksTwoNodes();
        }
        if (only.isBlank() || only.contains("jobs")) {
            everyRecurringJobOncePerDueTime();
        }
        if (only.isBlank() || only.contains("providers")) {
            providersDownThenBack();
        }
        if (only.isBlank() || only.contains("postgres")) {
            postgresqlRestartedUnderLoad();
        }
        if (only.isBlank() || only.contains("sigterm")) {
            sigtermFinishesWhatIsInFlight();
        }
        if (only.isBlank() || only.contains("sigkill")) {
            sigkillWhileDeliveringAndBooking();
        }

        print("all scenarios passed in %ds", seconds(began));
        Files.write(Path.of("target", "failure-suite.txt"), results);
    }

    // --- the scenarios ---

    /** 50 clerks book the same slot at the same instant, half through each node: exactly one booking. */
    void oneSlotFiftyClerksTwoNodes() throws Exception {
        long began = System.nanoTime();
        var desk = clinic.desks().get(0);
        Instant start = desk.slots().remove(0);
        int clerks = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            int port = i % 2 == 0 ? portA : portB;
            UUID patient = patients.get(i % patients.size());
            answers.add(pool.submit(() -> {
                go.await();
                return post(port, reception, "/api/v1/appointments", booking(patient, desk, start))
                        .statusCode();
            }));
        }
        go.countDown();
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        for (Future<Integer> answer : answers) {
            byStatus.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        long inDatabase;
        try (Connection c = db()) {
            inDatabase = count(
                    c,
                    "select count(*) from appointment where provider_id = '" + desk.provider() + "' and starts_at = '"
                            + start + "' and status in ('BOOKED', 'CONFIRMED')");
        }
        print(
                "50 concurrent bookings of one slot, 25 through each node: answers %s; bookings of the slot in the"
                        + " database: %d (%dms)",
                byStatus, inDatabase, millis(began));
        assertThat(byStatus.getOrDefault(201, 0)).as("booked").isEqualTo(1);
        assertThat(byStatus.getOrDefault(409, 0)).as("refused as conflicts").isEqualTo(clerks - 1);
        assertThat(inDatabase).isEqualTo(1);
    }

    /**
     * Every recurring job scheduled every 10 s for 45 s (through the admin API, which changes it on every node): each
     * due time runs once, on one of the two nodes.
     */
    void everyRecurringJobOncePerDueTime() throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> list = get(portA, admin, "/api/v1/admin/jobs");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> jobs = new ArrayList<>();
        for (JsonNode job : JSON.readTree(list.body())) {
            jobs.add(job.get("name").asString());
        }
        long linesBefore = a.linesWith("Recurring job ") + b.linesWith("Recurring job ");
        for (String job : jobs) {
            HttpResponse<String> put = send(
                    portB, admin, "PUT", "/api/v1/admin/jobs/" + job + "/schedule", "{\"cron\":\"*/10 * * * * *\"}");
            assertThat(put.statusCode()).as(job + ": " + put.body()).isEqualTo(200);
        }
        Thread.sleep(45_000);
        for (String job : jobs) {
            send(portA, admin, "DELETE", "/api/v1/admin/jobs/" + job + "/schedule", null);
        }
        // a run picked just before its schedule was removed writes its line: wait until none of these jobs is running
        try (Connection c = db();
                PreparedStatement running = c.prepareStatement(
                        "select count(*) from scheduled_tasks where picked and task_name = any(?)")) {
            running.setArray(1, c.createArrayOf("text", jobs.toArray()));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline) {
                try (var rs = running.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        Map<String, Integer> runs = new HashMap<>();
        Map<String, Integer> byNode = new HashMap<>();
        Map<String, Set<String>> dueTimes = new HashMap<>();
        for (Path log : List.of(dir.resolve("node-a.log"), dir.resolve("node-b.log"))) {
            for (String line : Files.readAllLines(log)) {
                Matcher m = RECURRING_RUN.matcher(line);
                if (m.find()) {
                    runs.merge(m.group(1) + "@" + m.group(2), 1, Integer::sum);
                    byNode.merge(m.group(3), 1, Integer::sum);
                    dueTimes.computeIfAbsent(m.group(1), j -> new HashSet<>()).add(m.group(2));
                }
            }
        }
        long twice = runs.values().stream().filter(n -> n > 1).count();
        print(
                "%d recurring jobs every 10 s for 45 s on two nodes: %d runs (%d lines before), %d due times run"
                        + " twice; runs by node %s; jobs that ran: %d (%ds)",
                jobs.size(),
                runs.values().stream().mapToInt(Integer::intValue).sum(),
                linesBefore,
                twice,
                byNode,
                dueTimes.size(),
                seconds(began));
        assertThat(twice).as("due times run more than once").isZero();
        assertThat(dueTimes.keySet()).as("every recurring job ran").containsAll(jobs);
        // which node picks a due job is first come, first served (db-scheduler's lock-and-fetch): in 45 s one node
        // may take them all, so the split is printed (runs by node), not asserted
    }

    /**
     * SMTP and SMS down for {@link #OUTAGE_SECONDS}: messages queued meanwhile are retried with growing delays and
     * delivered once after the providers return; a message whose number the provider never takes is dead-lettered
     * after its last attempt: FAILED, on the failed-jobs list, and the admins told.
     */
    void providersDownThenBack() throws Exception {
        long began = System.nanoTime();
        String doomed = "+9665" + (10_000_000 + (int) (Math.random() * 80_000_000));
        twilio.refuse(doomed);
        twilio.down(true);
        collectMail();
        smtp.stop();
        List<UUID> ids;
        UUID doomedId;
        try (Connection c = db()) {
            ids = queue(c, 20, 20, "outage");
            doomedId = queueOne(c, "SMS", doomed, "outage-doomed");
        }
        Thread.sleep(OUTAGE_SECONDS * 1000L);
        twilio.down(false);
        smtp = startSmtp();
        long back = System.nanoTime();
        Map<Integer, Integer> attempts;
        try (Connection c = db()) {
            await(c, ids, Duration.ofMinutes(4));
            attempts = attemptsOf(c, ids);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!"FAILED".equals(status(c, doomedId)) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
        Delivered delivered = delivered(ids);
        HttpResponse<String> failures = get(portA, admin, "/api/v1/admin/job-failures?size=200");
        long onFailedJobs = failures.body().contains(doomedId.toString()) ? 1 : 0;
        long adminsTold;
        String doomedStatus;
        try (Connection c = db()) {
            doomedStatus = status(c, doomedId);
            adminsTold = count(c, """
                    select count(*) from staff_notification n join staff_user u on u.id = n.user_id
                     where n.kind = 'job-failed' and n.body like '%%%s%%'
                    """.formatted(doomedId));
        }
        print(
                "SMTP and SMS down for %ds: %d messages queued meanwhile all delivered %ds after the providers"
                        + " returned, attempts %s; at the stubs: %d emails, %d texts, %d twice; the message the"
                        + " provider never takes: %s, on the failed-jobs list %d, admins told %d (%ds)",
                OUTAGE_SECONDS,
                ids.size(),
                seconds(back),
                attempts,
                delivered.emails(),
                delivered.texts(),
                delivered.twice(),
                doomedStatus,
                onFailedJobs,
                adminsTold,
                seconds(began));
        assertThat(delivered.missing()).as("messages not delivered").isZero();
        assertThat(delivered.twice()).as("messages delivered twice").isZero();
        assertThat(attempts.keySet()).as("retried").allSatisfy(n -> assertThat(n)
                .isGreaterThan(1));
        assertThat(doomedStatus).isEqualTo("FAILED");
        assertThat(onFailedJobs).isEqualTo(1);
        assertThat(adminsTold).isPositive();
    }

    /**
     * PostgreSQL stopped for 10 s and started again while clients read and book through both nodes: the nodes
     * recover by themselves, and only requests made during the outage fail — with 503 and a problem body.
     */
    void postgresqlRestartedUnderLoad() throws Exception {
        long began = System.nanoTime();
        ConcurrentLinkedQueue<Read> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean over = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int port = i % 2 == 0 ? portA : portB;
            Thread t = new Thread(() -> {
                while (!over.get()) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = get(port, reception, "/api/v1/patients?size=5");
                        answers.add(new Read(s, System.nanoTime(), port, r.statusCode(), r.body()));
                    } catch (Exception e) {
                        answers.add(new Read(s, System.nanoTime(), port, -1, e.toString()));
                    }
                }
            });
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }
        Thread.sleep(3_000);
        long down = System.nanoTime();
        postgres.close();
        Thread.sleep(10_000);
        long up = System.nanoTime();
        postgres = startPostgres();
        long upDone = System.nanoTime();
        // until both nodes have answered 200 for 3 s
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long since = System.nanoTime() - Duration.ofSeconds(3).toNanos();
            boolean aOk =
                    answers.stream().anyMatch(x -> x.node() == portA && x.startedAt() > upDone && x.status() == 200);
            boolean bOk =
                    answers.stream().anyMatch(x -> x.node() == portB && x.startedAt() > upDone && x.status() == 200);
            boolean quiet = answers.stream().noneMatch(x -> x.startedAt() > since && x.status() != 200);
            if (aOk && bOk && quiet) {
                break;
            }
        }
        over.set(true);
        for (Thread t : clients) {
            t.join(30_000);
        }
        List<Read> all = List.copyOf(answers);
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        all.forEach(x -> byStatus.merge(x.status(), 1, Integer::sum));
        List<Read> failed = all.stream().filter(x -> x.status() != 200).toList();
        List<Read> notProblems = failed.stream()
                .filter(x -> x.status() != 503 || !x.body().contains("\"status\":503"))
                .toList();
        // a request fails only if it was made (or still running) while PostgreSQL was away
        long grace = Duration.ofSeconds(2).toNanos();
        List<Read> outsideOutage = failed.stream()
                .filter(x -> x.endedAt() < down || x.startedAt() > upDone + grace)
                .toList();
        long firstOkA = firstOk(all, portA, upDone);
        long firstOkB = firstOk(all, portB, upDone);
        print(
                "PostgreSQL stopped for 10 s (started again in %dms) under 4 clients on both nodes: %d requests, by"
                        + " status %s; failed outside the outage: %d; failures that were not 503 with a problem"
                        + " body: %d; first 200 after the restart: node A %dms, node B %dms (%ds)",
                (upDone - up) / 1_000_000,
                all.size(),
                byStatus,
                outsideOutage.size(),
                notProblems.size(),
                firstOkA,
                firstOkB,
                seconds(began));
        assertThat(notProblems)
                .as("failures other than 503 with a problem body")
                .isEmpty();
        assertThat(outsideOutage).as("requests that failed outside the outage").isEmpty();
        assertThat(firstOkA).isNotNegative();
        assertThat(firstOkB).isNotNegative();
    }

    /**
     * SIGTERM to node A while clerks book through it and it delivers messages: every request it had accepted is
     * answered, its job executions are released, node B finishes the messages, and nothing is sent twice.
     */
    void sigtermFinishesWhatIsInFlight() throws Exception {
        long began = System.nanoTime();
        List<UUID> ids;
        try (Connection c = db()) {
            ids = queue(c, 150, 150, "sigterm");
        }
        Clerks clerks = new Clerks(portA, 6);
        clerks.start();
        Thread.sleep(3_000);
        long term = System.nanoTime();
        int exit = a.terminate(Duration.ofMinutes(1));
        long stopped = System.nanoTime();
        clerks.stop();
        long held;
        long inFlightAnswered = clerks.answers.stream()
                .filter(x -> x.startedAt() < term && x.endedAt() > term && x.status() > 0)
                .count();
        long inFlightCut = clerks.answers.stream()
                .filter(x -> x.startedAt() < term && x.endedAt() > term && x.status() <= 0)
                .count();
        try (Connection c = db()) {
            held = count(c, "select count(*) from scheduled_tasks where picked and picked_by = 'node-a'");
            await(c, ids, Duration.ofMinutes(3));
        }
        Delivered delivered = delivered(ids);
        print(
                "SIGTERM to node A while 6 clerks booked through it and 300 messages were being delivered: stopped"
                        + " in %dms with exit code %d; requests in flight at SIGTERM answered %d, cut off %d; bookings"
                        + " answered %d; job executions still held by node A: %d; node B finished the messages: %d"
                        + " emails, %d texts, %d missing, %d twice (%ds)",
                (stopped - term) / 1_000_000,
                exit,
                inFlightAnswered,
                inFlightCut,
                clerks.booked.size(),
                held,
                delivered.emails(),
                delivered.texts(),
                delivered.missing(),
                delivered.twice(),
                seconds(began));
        assertThat(inFlightCut).as("requests in flight that got no answer").isZero();
        assertThat(held).as("job executions left held by the stopped node").isZero();
        assertThat(delivered.missing()).isZero();
        assertThat(delivered.twice()).isZero();
        assertBookingsPresent(clerks.booked);

        long restarting = System.nanoTime();
        a = TenhalProcess.start(server(portA, "node-a"), dir.resolve("none"), dir.resolve("node-a-2.log"));
        a.awaitReady(READY_AT_MOST);
        print("node A ready again in %ds", seconds(restarting));
    }

    /**
     * 1,000 messages being delivered by both nodes and clerks booking through node B when node B is killed (SIGKILL):
     * node A finishes every message and none is sent twice (Twilio is asked, and the SMTP journal is searched, before
     * an interrupted message goes again); every booking answered 201 is there, and no booking is half-written.
     */
    void sigkillWhileDeliveringAndBooking() throws Exception {
        long began = System.nanoTime();
        Instant since;
        List<UUID> ids;
        try (Connection c = db()) {
            since = Instant.now();
            ids = queue(c, 500, 500, "sigkill");
        }
        Clerks clerks = new Clerks(portB, 4);
        clerks.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while ((delivered(ids).emails() + delivered(ids).texts() < 250 || clerks.booked.size() < 10)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Delivered atKill = delivered(ids);
        long sending;
        try (Connection c = db()) {
            b.kill();
            sending = count(
                    c,
                    "select count(*) from notification_message where status = 'SENDING' and source like 'sigkill:%'");
        }
        clerks.stop();
        long killed = System.nanoTime();
        long missingBookings;
        long halfWritten;
        try (Connection c = db()) {
            await(c, ids, Duration.ofMinutes(4));
            missingBookings = clerks.booked.stream()
                    .filter(id -> {
                        try {
                            return count(c, "select count(*) from appointment where id = '" + id + "'") == 0;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
            halfWritten = count(c, """
                    select count(*) from appointment a
                     where a.booked_at >= '%s'
                       and not exists (select 1 from audit_entry e where e.record_id = a.id)
                    """.formatted(since));
        }
        Delivered delivered = delivered(ids);
        long finishedAfterKill = (long) ids.size() - (atKill.emails() + atKill.texts());
        print(
                "SIGKILL to node B while 1,000 messages were being delivered (%d had arrived) and 4 clerks booked"
                        + " through it: %d SENDING at the kill; node A finished the rest (%d) %ds after the kill; at"
                        + " the stubs: %d emails, %d texts, %d missing, %d twice (texts twice: %d); bookings answered"
                        + " 201: %d, missing: %d; appointments without their audit entry (half-written): %d;"
                        + " interrupted emails found in the SMTP journal, not sent again: %d (%ds)",
                atKill.emails() + atKill.texts(),
                sending,
                finishedAfterKill,
                seconds(killed),
                delivered.emails(),
                delivered.texts(),
                delivered.missing(),
                delivered.twice(),
                delivered.textsTwice(),
                clerks.booked.size(),
                missingBookings,
                halfWritten,
                a.linesWith("had reached smtp on an earlier attempt"),
                seconds(began));
        assertThat(delivered.missing()).as("messages never delivered").isZero();
        assertThat(delivered.textsTwice())
                .as("texts sent twice (Twilio is asked first)")
                .isZero();
        assertThat(delivered.twice())
                .as("messages delivered twice (%d were SENDING at the kill)", sending)
                .isZero();
        assertThat(missingBookings).isZero();
        assertThat(halfWritten).isZero();
    }

    // --- clerks ---

    record Answer(long startedAt, long endedAt, int status) {}

    /** Clerks booking free slots through one node until stopped; every answer is kept with its times. */
    final class Clerks {
        final int port;
        final int count;
        final ConcurrentLinkedQueue<UUID> booked = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final AtomicBoolean over = new AtomicBoolean();
        final List<Thread> threads = new ArrayList<>();

        Clerks(int port, int count) {
            this.port = port;
            this.count = count;
        }

        void start() {
            for (int i = 0; i < count; i++) {
                var desk = clinic.desks().get(i % clinic.desks().size());
                Thread t = new Thread(() -> {
                    int p = 0;
                    while (!over.get()) {
                        Instant start;
                        synchronized (desk) {
                            if (desk.slots().isEmpty()) {
                                return;
                            }
                            start = desk.slots().remove(0);
                            desk.slots().removeIf(s -> s.isBefore(start.plus(desk.busy())));
                        }
                        UUID who = desk.patients().get(p++ % desk.patients().size());
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r =
                                    post(port, reception, "/api/v1/appointments", booking(who, desk, start));
                            answers.add(new Answer(s, System.nanoTime(), r.statusCode()));
                            if (r.statusCode() == 201) {
                                String location =
                                        r.headers().firstValue("Location").orElseThrow();
                                booked.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
                            }
                        } catch (IOException | InterruptedException e) {
                            answers.add(new Answer(s, System.nanoTime(), -1));
                            return; // the node is gone
                        }
                    }
                });
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            over.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }
    }

    void assertBookingsPresent(ConcurrentLinkedQueue<UUID> booked) throws Exception {
        try (Connection c = db()) {
            for (UUID id : booked) {
                assertThat(count(c, "select count(*) from appointment where id = '" + id + "'"))
                        .as("booking %s answered 201", id)
                        .isEqualTo(1);
            }
        }
    }

    // --- messages ---

    /**
     * Queues messages as Tenhal queues them — a QUEUED row of the delivery log and its {@code deliver-message}
     * execution, due now — to addresses of their own, so that the stubs can count each.
     */
    List<UUID> queue(Connection c, int emails, int texts, String source) throws Exception {
        List<UUID> ids = new ArrayList<>();
        c.setAutoCommit(false);
        for (int i = 0; i < emails + texts; i++) {
            boolean email = i < emails;
            String address = email
                    ? source + "-" + i + "@patients.example"
                    : "+9665" + (10_000_000 + Math.floorMod((source + i).hashCode(), 80_000_000));
            ids.add(queueOne(c, email ? "EMAIL" : "SMS", address, source + ":" + i));
        }
        c.commit();
        c.setAutoCommit(true);
        return ids;
    }

    UUID queueOne(Connection c, String channel, String address, String source) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("""
                insert into notification_message (id, idempotency_key, kind, source, recipient_type, recipient_id,
                       channel, address, language, subject, body, urgent, status, created_at, send_after)
                values (?, ?, 'failure-suite', ?, 'PATIENT', gen_random_uuid(), ?, ?, 'en', ?, ?, true, 'QUEUED',
                        now(), now())
                """)) {
            s.setObject(1, id);
            s.setString(2, "failure-suite:" + id);
            s.setString(3, source);
            s.setString(4, channel);
            s.setString(5, address);
            s.setString(6, channel.equals("EMAIL") ? "Failure suite " + source : null);
            s.setString(7, channel.equals("EMAIL") ? "<p>Message " + source + "</p>" : "Message " + source);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
                       consecutive_failures, priority)
                values ('deliver-message', ?, convert_to('null', 'UTF8'), now(), false, 1, 0, 0)
                """)) {
            s.setString(1, id.toString());
            s.executeUpdate();
        }
        return id;
    }

    /** Waits until none of the messages is QUEUED or SENDING. */
    void await(Connection c, List<UUID> ids, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        String left = "";
        while (System.nanoTime() < deadline) {
            long pending = pending(c, ids);
            if (pending == 0) {
                return;
            }
            left = pending + " of " + ids.size() + " still QUEUED or SENDING";
            Thread.sleep(500);
        }
        throw new AssertionError("messages not done after " + atMost + ": " + left + "\nnode A:\n"
                + (a == null ? "" : a.tail(30)) + "\nnode B:\n" + (b == null ? "" : b.tail(30)));
    }

    long pending(Connection c, List<UUID> ids) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from notification_message where id = any(?) and status in ('QUEUED', 'SENDING')")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Map<Integer, Integer> attemptsOf(Connection c, List<UUID> ids) throws Exception {
        Map<Integer, Integer> attempts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select attempts, count(*) from notification_message where id = any(?) group by attempts order by 1")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attempts.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        return attempts;
    }

    static String status(Connection c, UUID id) throws Exception {
        try (ResultSet rs =
                c.createStatement().executeQuery("select status from notification_message where id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** What the stubs received of these messages. */
    record Delivered(int emails, int texts, int missing, int twice, int textsTwice) {}

    Delivered delivered(List<UUID> ids) throws Exception {
        Map<String, Integer> mail = mailById();
        Map<String, Integer> texts = twilio.acceptedByTenhalId();
        int emails = 0, sms = 0, missing = 0, twice = 0, textsTwice = 0;
        for (UUID id : ids) {
            String key = id.toString();
            int m = mail.getOrDefault(key, 0);
            int t = texts.getOrDefault(key, 0);
            emails += Math.min(m, 1);
            sms += Math.min(t, 1);
            if (m + t == 0) {
                missing++;
            }
            if (m > 1) {
                twice++;
            }
            if (t > 1) {
                twice++;
                textsTwice++;
            }
        }
        return new Delivered(emails, sms, missing, twice, textsTwice);
    }

    /** Emails received by Tenhal message id, over every SMTP server this test started. */
    Map<String, Integer> mailById() throws Exception {
        Map<String, Integer> all = new HashMap<>(mailBefore);
        patientsCopies().forEach((id, n) -> all.merge(id, n, Integer::sum));
        return all;
    }

    /**
     * The copies of each message the patients' mailboxes got from the current server: everything it stored, less the
     * journal's blind copy (GreenMail lists a message under every recipient, the journal's copy included).
     */
    Map<String, Integer> patientsCopies() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Matcher id = MESSAGE_ID.matcher(String.valueOf(m.getMessageID()));
            if (id.find()) {
                copies.merge(id.group(1), 1, Integer::sum);
            }
        }
        var journal = smtp.getManagers()
                .getImapHostManager()
                .getInbox(smtp.getUserManager().getUserByEmail(JOURNAL));
        // a snapshot (toArray), as copies keep arriving while the nodes deliver
        for (var stored : journal.getMessages().toArray(new com.icegreen.greenmail.store.StoredMessage[0])) {
            if (stored == null) {
                continue;
            }
            Matcher id =
                    MESSAGE_ID.matcher(String.valueOf(stored.getMimeMessage().getMessageID()));
            if (id.find()) {
                copies.merge(id.group(1), -1, Integer::sum);
            }
        }
        copies.values().removeIf(n -> n <= 0);
        return copies;
    }

    /** Keeps what the current SMTP server received before it is stopped (a new one starts empty). */
    void collectMail() throws Exception {
        patientsCopies().forEach((id, n) -> mailBefore.merge(id, n, Integer::sum));
    }

    /**
     * The mail server: SMTP, and IMAP for the journal, the mailbox that gets a blind copy of every email and tells a
     * node, after an interrupted send, whether the server has the message (a restarted server starts empty, as a
     * provider's outage would not: only the outage scenario restarts it, with nothing in flight).
     */
    GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        server.start();
        server.setUser(JOURNAL, "journal", "journal-secret");
        return server;
    }

    // --- the nodes ---

    /** Settings both ways of running a node share: the stubs, and recovery made quick. */
    Map<String, String> settings(int port, String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.port", String.valueOf(port));
        s.put("tenhal.base-url", "http://127.0.0.1:" + port);
        s.put("tenhal.jobs.node-name", name);
        s.put("spring.datasource.hikari.maximum-pool-size", "8");
        s.put("tenhal.notifications.smtp.host", "127.0.0.1");
        s.put("tenhal.notifications.smtp.port", String.valueOf(smtpPort));
        s.put("tenhal.notifications.smtp.starttls", "false");
        s.put("tenhal.notifications.smtp.journal.address", JOURNAL);
        s.put("tenhal.notifications.smtp.journal.imap-port", String.valueOf(imapPort));
        s.put("tenhal.notifications.smtp.journal.username", "journal");
        s.put("tenhal.notifications.smtp.journal.password", "journal-secret");
        s.put("tenhal.notifications.smtp.journal.ssl", "false");
        s.put("tenhal.notifications.twilio.account-sid", "ACfailure");
        s.put("tenhal.notifications.twilio.auth-token", "failure-suite-token");
        s.put("tenhal.notifications.twilio.sms-from", "+15550001111");
        s.put("tenhal.notifications.twilio.whatsapp-from", "+15550002222");
        s.put("tenhal.notifications.twilio.api-url", twilio.baseUrl());
        s.put("tenhal.notifications.quiet-start", "00:00");
        s.put("tenhal.notifications.quiet-end", "00:00");
        // retries after 10, 20, 40, 80 s: as many attempts as it takes to outlast the providers' outage
        int attempts = 1;
        for (int waited = 0, delay = 10; waited <= OUTAGE_SECONDS; waited += delay, delay *= 2) {
            attempts++;
        }
        s.put("tenhal.job-retry.first-delay", "10s");
        s.put("tenhal.job-retry.multiplier", "2");
        s.put("tenhal.job-retry.attempts", String.valueOf(attempts));
        s.put("tenhal.notifications.max-attempts", String.valueOf(attempts));
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
        s.put("logging.level.sa.tenhal.platform.jobs.engine.RecurringJobs", "DEBUG");
        s.put("spring.main.banner-mode", "off");
        return s;
    }

    /** A node on the shared server, as production runs it (TENHAL_DB_URL). */
    Map<String, String> server(int port, String name) {
        Map<String, String> s = settings(port, name);
        s.put("tenhal.database.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
        s.put("tenhal.database.username", "postgres");
        s.put("tenhal.database.password", "");
        return s;
    }

    EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofMinutes(2))
                .start();
    }

    Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres");
    }

    static String token(Connection c, String username) throws Exception {
        String token = "tnh_" + SecretTokens.newSecret();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into api_token (id, user_id, name, token_hash, prefix, issued_at)
                select gen_random_uuid(), id, 'failure suite', ?, ?, now() from staff_user where username = ?
                """)) {
            insert.setString(1, SecretTokens.sha256(token));
            insert.setString(2, token.substring(0, 10));
            insert.setString(3, username);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return token;
    }

    // --- HTTP ---

    static String booking(UUID patient, CrashRecoveryTests.Desk desk, Instant start) {
        return """
                {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s","notes":"failure suite"}""".formatted(patient, desk.service(), desk.provider(), start);
    }

    HttpResponse<String> get(int port, String bearer, String path) throws IOException, InterruptedException {
        return send(port, bearer, "GET", path, null);
    }

    HttpResponse<String> post(int port, String bearer, String path, String json)
            throws IOException, InterruptedException {
        return send(port, bearer, "POST", path, json);
    }

    HttpResponse<String> send(int port, String bearer, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", bearer)
                .timeout(Duration.ofSeconds(60));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- small things ---

    /** A read of the PostgreSQL scenario: when it started and ended, which node, the status (-1: no answer). */
    record Read(long startedAt, long endedAt, int node, int status, String body) {}

    /** Milliseconds from {@code after} to the end of the node's first 200 that started after it; -1 if none. */
    static long firstOk(List<Read> answers, int port, long after) {
        return answers.stream()
                .filter(x -> x.node() == port && x.startedAt() > after && x.status() == 200)
                .mapToLong(x -> (x.endedAt() - after) / 1_000_000)
                .min()
                .orElse(-1);
    }

    static long count(Connection c, String sql) throws Exception {
        return CrashRecoveryTests.count(c, sql);
    }

    void print(String format, Object... args) {
        String line = "failure suite: " + format.formatted(args);
        System.out.println(line);
        results.add(line);
    }

    static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }

    static long millis(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
    }
}
