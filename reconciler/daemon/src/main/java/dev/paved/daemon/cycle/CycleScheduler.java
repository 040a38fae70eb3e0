package dev.paved.daemon.cycle;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconcile cycles on Quartz: at start, then every interval plus a random jitter (so replicas and repos do not
 * fetch in lockstep), and at once when asked (a webhook, the API); full cycles (see {@link ReconcileCycle}) at start,
 * every resync interval, and when asked. One job that disallows concurrent execution, so cycles never overlap: a
 * cycle asked for while one runs starts when it ends. In a {@link Cluster} the job and its triggers are in the
 * shared database: the rule holds across replicas, a cycle asked for on one replica may run on another, and the
 * cycle of a replica that dies is run again by another ({@code requestsRecovery}). A trigger carries only strings
 * (its reason, whether the cycle is full), so that it means the same on whichever replica fires it.
 */
public final class CycleScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CycleScheduler.class);
    private static final JobKey JOB = JobKey.jobKey("reconcile", "paved");
    private static final TriggerKey PERIODIC = TriggerKey.triggerKey("periodic", "paved");
    private static final TriggerKey RESYNC = TriggerKey.triggerKey("resync", "paved");
    private static final String REASON = "reason";
    private static final String FULL = "full";
    /** Quartz names the trigger that recovers a dead replica's job {@code recover_<replica>_<n>}. */
    private static final String RECOVERY_PREFIX = "recover_";

    private final Scheduler quartz;
    private final ReconcileCycle cycle;
    private final Duration interval;
    private final Duration jitter;
    private final Duration resync;
    /** Cycles in a row that could not fetch the remote: the periodic cycle backs off while it is unreachable. */
    private volatile int unreachable;
    /** The cluster this daemon is a replica of: a cycle runs only while holding its cycle lock. */
    private final Optional<Cluster> cluster;
    private final Consumer<CycleResult> listener;
    private volatile boolean running;

    /** Full cycles every ten minutes unless said otherwise. */
    public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

    /** One daemon, jobs in memory; full cycles every {@link #DEFAULT_RESYNC}. */
    public CycleScheduler(ReconcileCycle cycle, Duration interval, Duration jitter, Consumer<CycleResult> listener) {
        this(cycle, interval, jitter, DEFAULT_RESYNC, listener);
    }

    /** One daemon: jobs in memory. */
    public CycleScheduler(ReconcileCycle cycle, Duration interval, Duration jitter, Duration resync,
                          Consumer<CycleResult> listener) {
        this(cycle, interval, jitter, resync, listener, Optional.empty());
    }

    /**
     * @param resync   time between full cycles
     * @param listener told of every cycle's result that ran here, on the scheduler's thread (e.g. metrics)
     * @param cluster  the cluster this daemon is a replica of; empty for one daemon alone
     */
    public CycleScheduler(ReconcileCycle cycle, Duration interval, Duration jitter, Duration resync,
                          Consumer<CycleResult> listener, Optional<Cluster> cluster) {
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
        this.cluster = cluster;
        try {
            Properties properties = cluster.map(QuartzSetup::clustered)
                    .orElseGet(() -> QuartzSetup.inMemory("paved-" + System.identityHashCode(this)));
            this.quartz = new StdSchedulerFactory(properties).getScheduler();
            quartz.setJobFactory((bundle, scheduler) -> new CycleJob(this));
        } catch (SchedulerException e) {
            throw new IllegalStateException("start Quartz: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the scheduler. Without periodic cycles scheduled yet (one daemon; the first replica of a cluster) the
     * first runs at once ({@code startup}) and the next after the interval; a replica joining a cluster keeps its
     * schedule and asks for a {@code startup} cycle, which any replica may run. Full cycles every resync interval,
     * likewise scheduled once for the cluster.
     */
    public void start() {
        try {
            JobDetail job = JobBuilder.newJob(CycleJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                    .build();
            quartz.addJob(job, true);
            boolean scheduled = schedulePeriodic(new Date(), "startup");
            scheduleOnce(TriggerBuilder.newTrigger().withIdentity(RESYNC).forJob(JOB)
                    .usingJobData(REASON, "resync").usingJobData(FULL, Boolean.toString(true))
                    .startAt(new Date(System.currentTimeMillis() + resync.toMillis()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(resync.toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
            quartz.start();
            if (!scheduled) {
                trigger("startup");
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("schedule the reconcile cycle: " + e.getMessage(), e);
        }
    }

    /** Runs an incremental cycle as soon as the one running (if any, on any replica) ends. Returns at once. */
    public void trigger(String reason) {
        trigger(reason, false);
    }

    /** Runs a cycle, full or not, as soon as the one running (if any, on any replica) ends. Returns at once. */
    public void trigger(String reason, boolean full) {
        try {
            JobDataMap data = new JobDataMap();
            data.put(REASON, reason);
            data.put(FULL, Boolean.toString(full));
            quartz.triggerJob(JOB, data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("trigger a reconcile cycle: " + e.getMessage(), e);
        }
    }

    /** Whether a cycle is running in this process now. */
    public boolean running() {
        return running;
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
        TriggerKey fired = context.getTrigger().getKey();
        try {
            String reason = reason(context);
            boolean full = Boolean.parseBoolean(context.getMergedJobDataMap().getString(FULL));
            Supplier<CycleResult> run = () -> {
                running = true;
                return cycle.run(reason, full);
            };
            CycleResult result = cluster.map(replicas -> replicas.exclusively(run)).orElseGet(run);
            unreachable = result.outcome() == CycleResult.Outcome.FAILED && result.fetched() == null
                    ? unreachable + 1 : 0;
            listener.accept(result);
        } finally {
            running = false;
            if (!quartz.isShutdown()) {
                keepPeriodic(PERIODIC.equals(fired));
            }
        }
    }

    /** A recovered cycle says whose it was: {@code recovery of replica-a's cycle (webhook github 3f2a…)}. */
    static String reason(JobExecutionContext context) {
        String reason = context.getMergedJobDataMap().getString(REASON);
        String original = reason == null ? "schedule" : reason;
        if (!context.isRecovering()) {
            return original;
        }
        String name = context.getTrigger().getKey().getName();
        String replica = name.startsWith(RECOVERY_PREFIX) ? name.substring(RECOVERY_PREFIX.length(),
                Math.max(RECOVERY_PREFIX.length(), name.lastIndexOf('_'))) : "another replica";
        return "recovery of " + replica + "'s cycle (" + original + ")";
    }

    /**
     * After a periodic cycle, the next one: the interval from now plus up to the jitter. After any other cycle,
     * the same when the periodic trigger is gone: Quartz deletes it, spent, when the replica that fired it died
     * mid-cycle.
     */
    private void keepPeriodic(boolean periodicFired) throws SchedulerException {
        if (periodicFired) {
            if (quartz.rescheduleJob(PERIODIC, periodic(next(), "schedule")) != null) {
                return;
            }
        } else if (quartz.checkExists(PERIODIC)) {
            return;
        }
        if (schedulePeriodic(next(), "schedule")) {
            log.info("periodic cycles scheduled again");
        }
    }

    /** Schedules the periodic trigger at {@code at}; false when it exists already (another replica's). */
    private boolean schedulePeriodic(Date at, String reason) throws SchedulerException {
        return scheduleOnce(periodic(at, reason));
    }

    /** Schedules {@code trigger} unless a trigger of its name exists already (another replica's); false then. */
    private boolean scheduleOnce(Trigger trigger) throws SchedulerException {
        if (quartz.checkExists(trigger.getKey())) {
            return false;
        }
        try {
            quartz.scheduleJob(trigger);
            return true;
        } catch (ObjectAlreadyExistsException raced) {
            return false;
        }
    }

    /** The next periodic cycle: the interval from now, plus up to {@code jitter}. */
    private Date next() {
        long jitterMillis = jitter.toMillis() <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter.toMillis() + 1);
        return new Date(System.currentTimeMillis() + interval.toMillis() * backoff(unreachable) + jitterMillis);
    }

    /**
     * How many intervals to wait after {@code failures} cycles in a row that could not fetch the remote: 1, then 2,
     * 4, 8 at most (a remote that is down is not asked every interval; webhooks still start a cycle at once).
     */
    static long backoff(int failures) {
        return 1L << Math.min(Math.max(failures - 1, 0), 3);
    }

    private static Trigger periodic(Date at, String reason) {
        return TriggerBuilder.newTrigger().withIdentity(PERIODIC).forJob(JOB).usingJobData(REASON, reason)
                .startAt(at).build();
    }

    /** The Quartz job: one reconcile cycle, by the scheduler of this process. Never two at once. */
    @DisallowConcurrentExecution
    public static final class CycleJob implements Job {

        private final CycleScheduler scheduler;

        CycleJob(CycleScheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void execute(JobExecutionContext context) {
            try {
                scheduler.execute(context);
            } catch (SchedulerException e) {
                throw new IllegalStateException("reconcile cycle: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                log.error("reconcile cycle failed", e);
            }
        }
    }
}
