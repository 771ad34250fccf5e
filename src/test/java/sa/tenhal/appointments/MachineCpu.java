package sa.tenhal.appointments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the whole machine has spent busy, from Linux's {@code /proc/stat}: Tenhal, PostgreSQL and the load
 * generator together. The benchmarks divide it by the requests (or pgbench's transactions) of a run, which compares
 * the two by the work each asks of the machine, whatever else the machine's neighbours are doing to its speed.
 */
final class MachineCpu {

    // USER_HZ: the unit of /proc/stat, 100 on every Linux architecture the benchmarks run on
    private static final double MILLIS_PER_TICK = 10.0;

    private MachineCpu() {}

    /** Milliseconds of CPU spent busy since boot, summed over all cores; NaN where there is no /proc/stat. */
    static double busyMillis() {
        try {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is counted in user)
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            return busy * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
