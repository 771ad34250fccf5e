package sa.tenhal.platform.jobs.engine;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import sa.tenhal.platform.jobs.OneTimeJob;

/** A job due at once wakes the scheduler after its transaction commits, never before (its poll would not see it). */
class DbSchedulerJobsTests {

    static final Instant NOW = Instant.parse("2026-12-18T06:00:00Z");
    static final OneTimeJob<Void> DELIVER = OneTimeJob.of("deliver-message", Void.class);

    final Scheduler scheduler = mock(Scheduler.class);
    final DbSchedulerJobs jobs = new DbSchedulerJobs(
            scheduler,
            new SchedulerWake(scheduler, Clock.fixed(NOW, ZoneOffset.UTC)),
            mock(org.springframework.jdbc.core.simple.JdbcClient.class),
            new com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties());

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aDueJobWakesTheSchedulerOnceItsTransactionHasCommittedAndOnceForManyJobs() {
        when(scheduler.scheduleIfNotExists(any(), any(Instant.class))).thenReturn(true);
        TransactionSynchronizationManager.initSynchronization();

        jobs.schedule(DELIVER, "a", NOW, null);
        jobs.schedule(DELIVER, "b", NOW.minusSeconds(1), null);
        verify(scheduler, never()).triggerCheckForDueExecutions();

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        verify(scheduler, times(1)).triggerCheckForDueExecutions();
    }

    @Test
    void aRolledBackTransactionWakesNothing() {
        when(scheduler.scheduleIfNotExists(any(), any(Instant.class))).thenReturn(true);
        TransactionSynchronizationManager.initSynchronization();
        jobs.schedule(DELIVER, "a", NOW, null);
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        verify(scheduler, never()).triggerCheckForDueExecutions();
    }

    @Test
    void aLaterJobWakesNothingAndOutsideATransactionADueOneWakesAtOnce() {
        when(scheduler.scheduleIfNotExists(any(), any(Instant.class))).thenReturn(true);
        jobs.schedule(DELIVER, "later", NOW.plusSeconds(60), null);
        verify(scheduler, never()).triggerCheckForDueExecutions();
        jobs.schedule(DELIVER, "now", NOW, null);
        verify(scheduler, times(1)).triggerCheckForDueExecutions();
    }
}
