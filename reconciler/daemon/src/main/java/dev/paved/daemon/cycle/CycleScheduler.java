package dev.paved.daemon.cycle;

import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Runs reconcile cycles on Quartz: at start, then every interval plus a random jitter (so replicas and repos do not
 * fetch in lockstep), and at once when asked (a webhook, the API); full cycles (see {@link ReconcileCycle}) at start,
 * every resync interval, and when asked. One job that disallows concurrent execution, so cycles never overlap: a
 * cycle asked for while one runs starts when it ends.
 */
public final class CycleScheduler implements AutoCloseable {

    private static final JobKey JOB = JobKey.jobKey("reconcile", "paved");
    private static final TriggerKey PERIODIC = TriggerKey.triggerKey("periodic", "paved");
    private static final TriggerKey RESYNC = TriggerKey.triggerKey("resync", "paved");
    private static final String REASON = "reason";
    private static final String FULL = "full";
    private static final String SCHEDULER = "paved.cycle.scheduler";

    private final Scheduler quartz;
    private final ReconcileCycle cycle;
    private final Duration interval;
    private final Duration jitter;
    private final Duration resync;
    private final Consumer<CycleResult> listener;

    /** @param listener told of every cycle's result, on the scheduler's thread (e.g. metrics) */
    public CycleScheduler(ReconcileCycle cycle, Duration interval, Duration jitter, Consumer<CycleResult> listener) {
        this(cycle, interval, jitter, DEFAULT_RESYNC, listener);
    }

    /** Full cycles every ten minutes unless said otherwise. */
    public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

    /**
     * @param resync   time between full cycles
     * @param listener told of every cycle's result, on the scheduler's thread (e.g. metrics)
     */
    public CycleScheduler(ReconcileCycle cycle, Duration interval, Duration jitter, Duration resync,
                          Consumer<CycleResult> listener) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, not " + interval);
        }
        if (resync.isNegative() || resync.isZero()) {
            throw new IllegalArgumentException("the resync interval must be positive, not " + resync);
        }
        this.cycle = cycle;
        this.interval = interval;
        this.jitter = jitter;
        this.resync = resync;
        this.listener = listener;
        try {
            Properties properties = new Properties();
            properties.setProperty("org.quartz.scheduler.instanceName", "paved-" + System.identityHashCode(this));
            properties.setProperty("org.quartz.threadPool.threadCount", "1");
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            this.quartz = new StdSchedulerFactory(properties).getScheduler();
            quartz.getContext().put(SCHEDULER, this);
        } catch (SchedulerException e) {
            throw new IllegalStateException("start Quartz: " + e.getMessage(), e);
        }
    }

    /** Starts the scheduler: the first cycle runs at once ({@code startup}), the next after the interval. */
    public void start() {
        try {
            JobDetail job = JobBuilder.newJob(CycleJob.class).withIdentity(JOB).storeDurably().build();
            quartz.addJob(job, false);
            quartz.scheduleJob(periodic(new Date(), "startup"));
            quartz.scheduleJob(TriggerBuilder.newTrigger().withIdentity(RESYNC).forJob(JOB)
                    .usingJobData(REASON, "resync").usingJobData(FULL, true)
                    .startAt(new Date(System.currentTimeMillis() + resync.toMillis()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(resync.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            quartz.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule the reconcile cycle: " + e.getMessage(), e);
        }
    }

    /** Runs an incremental cycle as soon as the one running (if any) ends. Returns at once. */
    public void trigger(String reason) {
        trigger(reason, false);
    }

    /** Runs a cycle, full or not, as soon as the one running (if any) ends. Returns at once. */
    public void trigger(String reason, boolean full) {
        try {
            JobDataMap data = new JobDataMap();
            data.put(REASON, reason);
            data.put(FULL, full);
            quartz.triggerJob(JOB, data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("trigger a reconcile cycle: " + e.getMessage(), e);
        }
    }

    /** Stops scheduling; waits for a cycle that is running to end. */
    @Override
    public void close() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("stop Quartz: " + e.getMessage(), e);
        }
    }

    private void execute(JobExecutionContext context) throws SchedulerException {
        String reason = context.getMergedJobDataMap().getString(REASON);
        boolean periodic = PERIODIC.equals(context.getTrigger().getKey());
        try {
            boolean full = context.getMergedJobDataMap().containsKey(FULL)
                    && context.getMergedJobDataMap().getBoolean(FULL);
            listener.accept(cycle.run(reason == null ? "schedule" : reason, full));
        } finally {
            if (periodic && !quartz.isShutdown()) {
                quartz.rescheduleJob(PERIODIC, periodic(next(), "schedule"));
            }
        }
    }

    /** The next periodic cycle: the interval from now, plus up to {@code jitter}. */
    private Date next() {
        long jitterMillis = jitter.toMillis() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1);
        return new Date(System.currentTimeMillis() + interval.toMillis() + jitterMillis);
    }

    private static Trigger periodic(Date at, String reason) {
        return TriggerBuilder.newTrigger().withIdentity(PERIODIC).forJob(JOB).usingJobData(REASON, reason)
                .startAt(at).build();
    }

    /** The Quartz job: one reconcile cycle. Never two at once. */
    @DisallowConcurrentExecution
    public static final class CycleJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                ((CycleScheduler) context.getScheduler().getContext().get(SCHEDULER)).execute(context);
            } catch (SchedulerException e) {
                throw new IllegalStateException("reconcile cycle: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(CycleJob.class).error("reconcile cycle failed", e);
            }
        }
    }
}
