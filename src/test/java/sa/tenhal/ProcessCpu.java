package sa.tenhal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time of the processes a benchmark runs, from Linux's {@code /proc/<pid>/stat}: this JVM (Tenhal, and the
 * load generators it started and waited for: wrk, pgbench) and the embedded PostgreSQL (the postmaster, its live
 * backends and those that have exited). Unlike {@code MachineCpu} it leaves out whatever else the machine is running,
 * so on a shared machine it measures the work a request asks for rather than the neighbours'.
 */
public final class ProcessCpu {

    // USER_HZ: the unit of /proc/<pid>/stat's times, 100 on every Linux architecture the benchmarks run on
    private static final double MILLIS_PER_TICK = 10.0;

    private final long postmaster;

    /** @param postmaster the PostgreSQL server's process id (the parent of any backend's) */
    public ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The process id of the server a backend belongs to, from the backend's own process id. */
    public static long postmasterOf(long backend) {
        String[] f = fields(backend);
        return f == null ? -1 : Long.parseLong(f[1]);
    }

    /** Milliseconds of CPU this JVM (with its waited-for children) and PostgreSQL have used; NaN without /proc. */
    public double millis() {
        String[] self = fields(ProcessHandle.current().pid());
        String[] server = fields(postmaster);
        if (self == null || server == null) {
            return Double.NaN;
        }
        long ticks = all(self) + all(server);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String[] f = fields(Long.parseLong(p.getFileName().toString()));
                if (f != null && Long.parseLong(f[1]) == postmaster) {
                    ticks += own(f); // a live backend; an exited one is in the postmaster's children's times
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return ticks * MILLIS_PER_TICK;
    }

    /** Milliseconds of CPU this JVM (with its waited-for children) has used; NaN without /proc. */
    public double jvmMillis() {
        String[] self = fields(ProcessHandle.current().pid());
        return self == null ? Double.NaN : all(self) * MILLIS_PER_TICK;
    }

    /**
     * Milliseconds of CPU this JVM's live threads have used, by kind of thread (request, job, JIT compiler, garbage
     * collector, other), from {@code /proc/self/task/<tid>/stat}: what the JVM spends besides the requests' own work.
     * A thread that has exited is not counted (the pools keep theirs).
     */
    public static Map<String, Double> jvmMillisByThread() {
        Map<String, Double> millis = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"), "[0-9]*")) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended while the others were read: only its share is left out
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                millis.merge(kindOf(name), own(f) * MILLIS_PER_TICK, Double::sum);
            }
        } catch (IOException e) {
            return Map.of(); // no /proc: nothing to say
        }
        return millis;
    }

    // /proc gives a thread's name cut to 15 characters
    private static String kindOf(String thread) {
        if (thread.startsWith("http-nio-")) {
            return "request";
        }
        if (thread.startsWith("db-scheduler")) {
            return "jobs";
        }
        if (thread.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "garbage collector";
        }
        return "other";
    }

    private static long own(String[] f) {
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }

    private static long all(String[] f) {
        return own(f) + Long.parseLong(f[13]) + Long.parseLong(f[14]); // + cutime, cstime
    }

    /** The fields of /proc/<pid>/stat after the command's name: state is [0], ppid [1], utime [11]. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
