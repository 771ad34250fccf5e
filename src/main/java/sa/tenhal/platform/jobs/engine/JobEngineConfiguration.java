package sa.tenhal.platform.jobs.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the db-scheduler {@link Scheduler} from the jobs the modules declare: one db-scheduler task per one-time job
 * type, and one task ({@value RecurringJobs#TASK}) whose instances are the recurring jobs. The starter's properties
 * ({@code db-scheduler.*}) still apply; its dashboard (db-scheduler-ui) reads this scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryPolicy.class)
class JobEngineConfiguration {

    /** db-scheduler's clock is the application's, so tests that move time move the scheduler too. */
    @Bean("dbSchedulerClock")
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    /**
     * The node's name in {@code scheduled_tasks.picked_by}: {@code tenhal.jobs.node-name} ({@code TENHAL_JOBS_NODE_NAME},
     * e.g. the host's name when one host runs one node), else the host's name and a random suffix.
     */
    @Bean
    DbSchedulerCustomizer dbSchedulerCustomizer(
            JsonMapper json,
            @org.springframework.beans.factory.annotation.Value("${tenhal.jobs.node-name:}") String name) {
        String node =
                name.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : name;
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new Jackson3Serializer(json));
            }

            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(node));
            }
        };
    }

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(
            DbSchedulerProperties properties,
            DbSchedulerCustomizer customizer,
            com.github.kagkarlsson.scheduler.Clock dbSchedulerClock,
            DataSource dataSource,
            RecurringJobs recurring,
            List<OneTimeJobHandler<?>> handlers,
            List<SchedulerListener> listeners,
            List<ExecutionInterceptor> interceptors,
            JobFailures failures,
            RetryPolicy retry) {
        List<Task<?>> tasks = new ArrayList<>();
        tasks.add(recurring.task());
        for (OneTimeJobHandler<?> handler : handlers) {
            tasks.add(OneTimeTasks.task(handler, failures, retry));
        }
        return DbSchedulerConfigurationSupport.buildScheduler(
                properties,
                customizer,
                StatsRegistry.NOOP,
                dbSchedulerClock,
                dataSource,
                tasks,
                listeners,
                interceptors);
    }

    /**
     * With {@code tenhal.jobs.execute=false} this node schedules jobs but never runs any (tests that share a database
     * with a node that does; a node reserved for web traffic).
     */
    @Bean
    @ConditionalOnProperty(name = "tenhal.jobs.execute", havingValue = "false")
    DbSchedulerStarter neverStart() {
        return () -> {};
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
