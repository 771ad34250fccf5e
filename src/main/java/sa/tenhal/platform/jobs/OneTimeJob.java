package sa.tenhal.platform.jobs;

import java.util.Objects;

/**
 * A kind of job that runs once per instance at a chosen time, e.g. "the 24-hour reminder of appointment X". Declare
 * it as a constant where it is scheduled, and implement its {@link OneTimeJobHandler} as a bean.
 *
 * @param name kebab-case, unique among jobs
 * @param dataType the (JSON-serialisable, e.g. record) data each instance carries; {@code Void} for none
 */
public record OneTimeJob<T>(String name, Class<T> dataType) {

    public OneTimeJob {
        Objects.requireNonNull(dataType, "dataType");
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a job name is kebab-case: " + name);
        }
    }

    public static <T> OneTimeJob<T> of(String name, Class<T> dataType) {
        return new OneTimeJob<>(name, dataType);
    }
}
