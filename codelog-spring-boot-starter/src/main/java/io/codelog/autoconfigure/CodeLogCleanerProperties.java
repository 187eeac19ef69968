package io.codelog.autoconfigure;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/** When and how far back the retention cleaner deletes old logs, bound from {@code codelog.cleaner.*}. */
@ConfigurationProperties(prefix = CodeLogCleanerProperties.PREFIX)
public class CodeLogCleanerProperties {

    /** The prefix of these properties. */
    public static final String PREFIX = "codelog.cleaner";

    /** Whether the retention cleaner runs, as the Go service's did. */
    private boolean enabled = true;

    /** The time of day, in the service's time zone, at which the cleaner runs, e.g. 01:00. */
    private LocalTime scheduleTime = LocalTime.of(1, 0);

    /** How long logs are kept; a bare number is a number of days, as the seed's variable gives it. */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration retentionPeriod = Duration.ofDays(30);

    /** The time zone of schedule-time, e.g. UTC or Europe/Paris. */
    private ZoneId zone = ZoneOffset.UTC;

    /** How many logs one deleteOlder call deletes; the cleaner calls again until a call deletes fewer. */
    private long batchSize = 10_000;

    /** The longest the cleaner's lock is held if an instance dies while cleaning. */
    private Duration lockAtMostFor = Duration.ofHours(1);

    /**
     * The shortest the cleaner's lock is held, so that an instance whose clock runs a little behind skips the day's
     * run instead of repeating it.
     */
    private Duration lockAtLeastFor = Duration.ofMinutes(5);

    /** Whether the retention cleaner runs. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Sets whether the retention cleaner runs. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The time of day at which the cleaner runs. */
    public LocalTime getScheduleTime() {
        return scheduleTime;
    }

    /** Sets the time of day at which the cleaner runs. */
    public void setScheduleTime(LocalTime scheduleTime) {
        this.scheduleTime = scheduleTime;
    }

    /** The time zone of the schedule time. */
    public ZoneId getZone() {
        return zone;
    }

    /** Sets the time zone of the schedule time. */
    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    /** How many logs one deleteOlder call deletes. */
    public long getBatchSize() {
        return batchSize;
    }

    /** Sets how many logs one deleteOlder call deletes. */
    public void setBatchSize(long batchSize) {
        this.batchSize = batchSize;
    }

    /** The longest the cleaner's lock is held. */
    public Duration getLockAtMostFor() {
        return lockAtMostFor;
    }

    /** Sets the longest the cleaner's lock is held. */
    public void setLockAtMostFor(Duration lockAtMostFor) {
        this.lockAtMostFor = lockAtMostFor;
    }

    /** The shortest the cleaner's lock is held. */
    public Duration getLockAtLeastFor() {
        return lockAtLeastFor;
    }

    /** Sets the shortest the cleaner's lock is held. */
    public void setLockAtLeastFor(Duration lockAtLeastFor) {
        this.lockAtLeastFor = lockAtLeastFor;
    }

    /** How long logs are kept. */
    public Duration getRetentionPeriod() {
        return retentionPeriod;
    }

    /** Sets how long logs are kept. */
    public void setRetentionPeriod(Duration retentionPeriod) {
        this.retentionPeriod = retentionPeriod;
    }
}
