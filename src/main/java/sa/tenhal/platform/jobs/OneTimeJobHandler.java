package sa.tenhal.platform.jobs;

/**
 * Runs the instances of one {@link OneTimeJob}. Implementations are beans; they must be idempotent, because an
 * instance is retried after an error and revived if its node dies while running it.
 */
public interface OneTimeJobHandler<T> {

    OneTimeJob<T> job();

    void run(String instanceId, T data) throws Exception;
}
