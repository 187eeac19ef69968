package io.codelog.cli;

import java.time.Duration;
import java.util.Locale;

/** Writes counts, sizes, durations and prices the way the commands print them: 12,345, 1.2 MB, 1:05, $0.0123. */
final class HumanReadable {

    private HumanReadable() {}

    /** {@code 12,345}. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 1,234.5}. */
    static String rate(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** {@code 512 B}, {@code 1.2 KB}, {@code 3.4 GB}, in powers of 1,024 as S3 bills. */
    static String bytes(double value) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int unit = 0;
        double scaled = value;
        while (scaled >= 1024 && unit < units.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f B", scaled)
                : String.format(Locale.ROOT, "%.1f %s", scaled, units[unit]);
    }

    /** {@code 0.4 s} under a minute, {@code 1:05} (m:ss) or {@code 2:01:05} (h:mm:ss) above. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** A unit price as written on the price list: {@code $0.0004}, {@code $0.005}, {@code $0.023}. */
    static String unitPrice(double usd) {
        return "$" + java.math.BigDecimal.valueOf(usd).stripTrailingZeros().toPlainString();
    }

    /** US dollars with enough digits to show small amounts: {@code $12.34}, {@code $0.000123}. */
    static String usd(double value) {
        if (value == 0) {
            return "$0.00";
        }
        if (value >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", value);
        }
        if (value >= 0.01) {
            return String.format(Locale.ROOT, "$%.4f", value);
        }
        return String.format(Locale.ROOT, "$%.8f", value).replaceAll("0+$", "");
    }
}
