package sa.tenhal.background;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import sa.tenhal.patients.PatientCareTeam;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;
import sa.tenhal.platform.jobs.RecurringJob;

/** Jobs, a listener and a care team that tests steer: they fail on demand and count what they did. */
@TestConfiguration(proxyBeanMethods = false)
public class BackgroundTestBeans {

    /** What a test's flaky work is told to do, and what it did. */
    public static final class Script {
        public final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        public final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        public final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        public final Set<String> permanent = ConcurrentHashMap.newKeySet();
        public final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
        private final Map<String, Deferral> deferrals = new ConcurrentHashMap<>();

        /** How many more runs of a key are deferred, and by how long each. */
        private record Deferral(AtomicInteger left, java.time.Duration after) {}

        /** The work for {@code key} waits, once it has started, until the returned latch is counted down. */
        public CountDownLatch hold(String key) {
            return holds.computeIfAbsent(key, k -> new CountDownLatch(1));
        }

        /** The work for {@code key} is deferred its next {@code times} runs, each by {@code after}. */
        public void deferNext(String key, int times, java.time.Duration after) {
            deferrals.put(key, new Deferral(new AtomicInteger(times), after));
        }

        public void failNext(String key, int times) {
            failuresLeft.put(key, new AtomicInteger(times));
        }

        public int runs(String key) {
            return runs.getOrDefault(key, new AtomicInteger()).get();
        }

        public int successes(String key) {
            return successes.getOrDefault(key, new AtomicInteger()).get();
        }

        void perform(String key) {
            runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch hold = holds.get(key);
            if (hold != null) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deferral deferral = deferrals.get(key);
            if (deferral != null && deferral.left().getAndDecrement() > 0) {
                throw new sa.tenhal.platform.jobs.JobDeferred("scripted deferral of " + key, deferral.after());
            }
            if (permanent.contains(key)) {
                throw new PermanentJobFailure("the record " + key + " no longer exists");
            }
            AtomicInteger left = failuresLeft.get(key);
            if (left != null && left.getAndDecrement() > 0) {
                throw new IllegalStateException("scripted failure of " + key);
            }
            successes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    public record Chore(String key) {}

    public static final OneTimeJob<Chore> CHORE = OneTimeJob.of("test-chore", Chore.class);

    /** Work that ends its own job inside its transaction, which then commits or (if {@code rollBack}) rolls back. */
    public record Entry(String key, boolean rollBack) {}

    public static final OneTimeJob<Entry> ENTRY = OneTimeJob.of("test-entry", Entry.class);

    /** Whether each entry's call to end its job inside its transaction said yes. */
    public static final Map<String, Boolean> ENDED_IN_TRANSACTION = new ConcurrentHashMap<>();

    /** An event whose listener fails as scripted. */
    public record SomethingHappened(String key) {}

    public static class FlakyListener {
        private final Script script;

        FlakyListener(Script script) {
            this.script = script;
        }

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            script.perform(event.key());
        }
    }

    /** The care team a test says a patient has. */
    public static final class TestCareTeam implements PatientCareTeam {
        public final Map<UUID, Set<UUID>> teams = new ConcurrentHashMap<>();

        @Override
        public Set<UUID> staffUserIds(sa.tenhal.patients.PatientId patient) {
            return teams.getOrDefault(patient.value(), Set.of());
        }
    }

    @Bean
    Script script() {
        return new Script();
    }

    @Bean
    RecurringJob testHeartbeat(Script script) {
        return new RecurringJob(
                "test-heartbeat", "0 0 3 * * *", "Counts its runs (tests only)", () -> script.perform("heartbeat"));
    }

    @Bean
    OneTimeJobHandler<Chore> choreHandler(Script script) {
        return new OneTimeJobHandler<>() {
            @Override
            public OneTimeJob<Chore> job() {
                return CHORE;
            }

            @Override
            public void run(String instanceId, Chore data) {
                script.perform(data.key());
            }
        };
    }

    @Bean
    OneTimeJobHandler<Entry> entryHandler(
            Script script,
            org.springframework.transaction.support.TransactionTemplate transactions,
            org.springframework.beans.factory.ObjectProvider<sa.tenhal.platform.jobs.Jobs> jobs) {
        return new OneTimeJobHandler<>() {
            @Override
            public OneTimeJob<Entry> job() {
                return ENTRY;
            }

            @Override
            public void run(String instanceId, Entry data) {
                try {
                    transactions.executeWithoutResult(status -> {
                        ENDED_IN_TRANSACTION.put(
                                data.key(), jobs.getObject().completeWithTransaction(ENTRY, instanceId));
                        if (data.rollBack()) {
                            throw new IllegalStateException("rolled back on purpose");
                        }
                    });
                } catch (IllegalStateException rolledBack) {
                    // the handler goes on; its job completes as usual
                }
                script.perform(data.key());
            }
        };
    }

    @Bean
    FlakyListener flakyListener(Script script) {
        return new FlakyListener(script);
    }

    @Bean
    sa.tenhal.platform.events.EventResubmissionProbe eventResubmissionProbe(
            org.springframework.context.ApplicationContext context) {
        return new sa.tenhal.platform.events.EventResubmissionProbe(context);
    }

    @Bean
    TestCareTeam testCareTeam() {
        return new TestCareTeam();
    }
}
