package sa.tenhal.durability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tenhal as an operating-system process of its own — the test JVM's class path, main class
 * {@code sa.tenhal.TenhalApplication}, none of the test profile — on an embedded PostgreSQL whose data directory the
 * test owns. It can be asked whether it is ready, and killed together with its database as a power cut would: every
 * process frozen first (SIGSTOP), so that none reacts to another's death, then all killed (SIGKILL).
 */
final class TenhalProcess {

    private final Process process;
    private final Path log;
    private final int port;
    private final Path pgData;

    private TenhalProcess(Process process, Path log, int port, Path pgData) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.pgData = pgData;
    }

    /**
     * Starts Tenhal with these settings (as command-line arguments, which win over everything else); its output goes to
     * {@code log}. The database settings that a CI environment may hold ({@code TENHAL_DB_URL} and friends) are left
     * out: this Tenhal always runs its own embedded server.
     */
    static TenhalProcess start(Map<String, String> settings, Path pgData, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx768m",
                "-Djava.awt.headless=true",
                "-cp",
                applicationClassPath(),
                "sa.tenhal.TenhalApplication"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(
                        name -> name.startsWith("TENHAL_") || name.startsWith("SPRING_") || name.startsWith("TWILIO_"));
        int port = Integer.parseInt(settings.get("server.port"));
        return new TenhalProcess(builder.start(), log, port, pgData);
    }

    /** The test JVM's class path without the test classes (their configurations are not the application's). */
    static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health/readiness} answers UP; fails early if the process ends. */
    void awaitReady(Duration atMost) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tenhal stopped while starting:\n" + tail(80));
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Tenhal was not ready within " + atMost + ":\n" + tail(80));
    }

    /** How many lines of the process's output contain {@code text}. */
    long linesWith(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** The last lines of the process's output. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /**
     * The application and every PostgreSQL process of its data directory: the postmaster named in
     * {@code postmaster.pid} (it runs in a session of its own, not as the application's child) and its children.
     */
    List<ProcessHandle> everyProcess() {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        if (process.isAlive()) {
            all.add(process.toHandle());
            process.descendants().forEach(all::add);
        }
        postmaster(pgData).ifPresent(pm -> {
            all.add(pm);
            pm.descendants().forEach(all::add);
        });
        return List.copyOf(all);
    }

    /** The running postmaster of this data directory, if any. */
    static Optional<ProcessHandle> postmaster(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains(pgData.toString())
                            || p.info().command().orElse("").contains("postgres"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A crash: the application and its database frozen at one instant, then killed. Returns how many processes. */
    int crash() throws Exception {
        List<ProcessHandle> victims = everyProcess();
        signal("STOP", victims);
        signal("KILL", victims);
        for (ProcessHandle victim : victims) {
            victim.onExit().get(30, TimeUnit.SECONDS);
        }
        process.waitFor(30, TimeUnit.SECONDS);
        return victims.size();
    }

    /** SIGKILL to the application alone (its database, if it is a server of its own, keeps running). */
    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd and docker stop a node; waits for the process to end and returns its exit code. */
    int terminate(Duration atMost) throws Exception {
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Tenhal did not stop within " + atMost + " of SIGTERM:\n" + tail(40));
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whatever is still running of it, killed (clean-up: nothing may survive to disturb later tests). */
    void destroy() {
        List<ProcessHandle> left = everyProcess();
        left.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(String.valueOf(p.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(30, TimeUnit.SECONDS);
    }
}
