package io.codelog.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How a running copy shows its progress: {@code --progress} and {@code --progress-interval}. */
final class ProgressOptions {

    /** The ways to show progress. */
    enum Style {
        /** A bar on a terminal, log lines otherwise. */
        AUTO,
        /** One line redrawn in place with a carriage return. */
        BAR,
        /** A line every interval, for logs and CI. */
        LINES,
        /** Nothing until the summary. */
        NONE
    }

    @Option(
            names = "--progress",
            paramLabel = "STYLE",
            defaultValue = "auto",
            description = "auto (a bar on a terminal, else log lines), bar, lines or none (default: ${DEFAULT-VALUE}).")
    Style style = Style.AUTO;

    @Option(
            names = "--progress-interval",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How often a progress line is written (lines style), e.g. 10s, 1m"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration interval = Duration.ofSeconds(10);

    /** The style to use on a terminal or not. */
    Style resolve(boolean terminal) {
        if (style == Style.AUTO) {
            return terminal ? Style.BAR : Style.LINES;
        }
        return style;
    }
}
