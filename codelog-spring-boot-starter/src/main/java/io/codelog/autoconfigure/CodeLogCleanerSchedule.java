package io.codelog.autoconfigure;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the retention cleaner every day at the configured time, on a scheduler thread of its own, so that the
 * starter neither needs nor switches on the application's {@code @EnableScheduling}.
 */
final class CodeLogCleanerSchedule implements SmartLifecycle {

    private final CodeLogRetentionCleaner cleaner;
    private final CronTrigger trigger;
    private @Nullable ThreadPoolTaskScheduler scheduler;
    private @Nullable ScheduledFuture<?> scheduled;

    CodeLogCleanerSchedule(CodeLogRetentionCleaner cleaner, LocalTime time, ZoneId zone) {
        this.cleaner = cleaner;
        this.trigger = new CronTrigger(cron(time), zone);
    }

    /** The cron expression of a daily run at this time, e.g. {@code 0 0 1 * * *} for 01:00. */
    static String cron(LocalTime time) {
        return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " * * *";
    }

    /** The trigger of the daily run. */
    CronTrigger trigger() {
        return trigger;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("codelog-cleaner-");
        scheduler.initialize();
        scheduled = scheduler.schedule(cleaner::clean, trigger);
    }

    @Override
    public synchronized void stop() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduled != null;
    }
}
