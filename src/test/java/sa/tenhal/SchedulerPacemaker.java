package sa.tenhal;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * Lets the scheduler poll while a test's clock stands still.
 *
 * <p>db-scheduler measures its polling interval on the scheduler's clock, which is the application's ({@link
 * MutableClock} in tests): its {@code Waiter} waits until {@code clock.now()} passes the end of the interval. With the
 * clock set to a fixed instant that never happens, so the scheduler polls again only when woken. A wake that comes while
 * the job's transaction is still open finds nothing, and the job then waited for ever (CI: a reminder queued at 09:00 on
 * a clock standing at 09:00 was never picked). Production runs on the system clock, where the interval ends on its own;
 * this stands in for it, in real time, in every test context that runs jobs.
 */
final class SchedulerPacemaker implements DisposableBean {

    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "scheduler-pacemaker");
        thread.setDaemon(true);
        return thread;
    });

    SchedulerPacemaker(Scheduler scheduler) {
        beat.scheduleWithFixedDelay(scheduler::triggerCheckForDueExecutions, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        beat.shutdownNow();
    }
}
