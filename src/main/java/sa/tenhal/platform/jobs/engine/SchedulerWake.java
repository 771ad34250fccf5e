package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's scheduler for a job due at once, when the transaction that scheduled it commits (at once outside a
 * transaction). db-scheduler's own immediate execution ({@code db-scheduler.immediate-execution-enabled}, off) wakes it
 * while that transaction is still open: its poll cannot see the uncommitted job, which then waited for the next polling
 * interval.
 */
@Component
class SchedulerWake {

    private final Scheduler scheduler;
    private final Clock clock;

    SchedulerWake(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void ifDue(Instant at) {
        if (at.isAfter(clock.instant())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scheduler.triggerCheckForDueExecutions();
        } else if (TransactionSynchronizationManager.getSynchronizations().stream()
                .noneMatch(OnCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new OnCommit(scheduler));
        }
    }

    /** Registered once per transaction (a suspended outer transaction keeps its own). */
    private record OnCommit(Scheduler scheduler) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
