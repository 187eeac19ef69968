package io.codelog.autoconfigure;

import java.time.Duration;
import java.time.LocalTime;
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

    /** How long logs are kept. */
    public Duration getRetentionPeriod() {
        return retentionPeriod;
    }

    /** Sets how long logs are kept. */
    public void setRetentionPeriod(Duration retentionPeriod) {
        this.retentionPeriod = retentionPeriod;
    }
}
