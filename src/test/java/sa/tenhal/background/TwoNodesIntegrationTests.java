package sa.tenhal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Tenhal nodes on one database: two schedulers with Tenhal's settings (lock-and-fetch) share a table of due
 * executions, and each execution runs exactly once, on one of them.
 */
class TwoNodesIntegrationTests extends BackgroundWorkIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoSchedulersOnOneDatabaseRunEachExecutionOnce() {
        // A table of their own, so that this context's scheduler stays out of it.
        jdbc.sql("create schema if not exists two_nodes").update();
        jdbc.sql("drop table if exists two_nodes.scheduled_tasks").update();
        jdbc.sql("create table two_nodes.scheduled_tasks (like public.scheduled_tasks including all)")
                .update();

        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, Set<String>> byNode = new ConcurrentHashMap<>();
        OneTimeTask<Void> task = Tasks.oneTime("count-me").execute((instance, context) -> {
            runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
            byNode.computeIfAbsent(
                            Thread.currentThread().getName().startsWith("node-a") ? "a" : "b",
                            n -> ConcurrentHashMap.newKeySet())
                    .add(instance.getId());
        });
        Scheduler a = node("node-a", task);
        Scheduler b = node("node-b", task);
        int executions = 400;
        Instant due = Instant.now().minusSeconds(1);
        for (int i = 0; i < executions; i++) {
            a.scheduleIfNotExists(new TaskInstance<Void>("count-me", "execution-" + i), due);
        }
        a.start();
        b.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(runs).hasSize(executions));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from two_nodes.scheduled_tasks")
                                    .query(Long.class)
                                    .single())
                            .isZero());
        } finally {
            a.stop();
            b.stop();
        }
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(byNode.getOrDefault("a", Set.of())).isNotEmpty();
        assertThat(byNode.getOrDefault("b", Set.of())).isNotEmpty();
    }

    Scheduler node(String name, OneTimeTask<Void> task) {
        return Scheduler.create(dataSource, task)
                .tableName("two_nodes.scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(4)
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofMillis(100))
                .executorService(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, name + "-worker");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }
}
