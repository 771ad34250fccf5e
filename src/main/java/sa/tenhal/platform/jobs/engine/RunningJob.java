package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.task.Execution;

/**
 * The one-time job this thread is running, so that its handler can end it inside its own last transaction ({@link
 * sa.tenhal.platform.jobs.Jobs#completeWithTransaction}). db-scheduler runs a handler on the thread that picked it, and
 * the picked execution's version is what its completion deletes by.
 */
final class RunningJob {

    private static final ThreadLocal<RunningJob> CURRENT = new ThreadLocal<>();

    final String task;
    final String instance;
    final long version;
    /** Set once the transaction that removed the job's row has committed: db-scheduler then has nothing to complete. */
    private volatile boolean completed;

    private RunningJob(Execution execution) {
        this.task = execution.taskInstance.getTaskName();
        this.instance = execution.taskInstance.getId();
        this.version = execution.version;
    }

    static RunningJob start(Execution execution) {
        RunningJob run = new RunningJob(execution);
        CURRENT.set(run);
        return run;
    }

    static RunningJob current() {
        return CURRENT.get();
    }

    static void end() {
        CURRENT.remove();
    }

    boolean is(String task, String instance) {
        return this.task.equals(task) && this.instance.equals(instance);
    }

    void completed() {
        completed = true;
    }

    boolean isCompleted() {
        return completed;
    }
}
