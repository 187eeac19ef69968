package io.codelog.cli;

import java.util.Random;

/** Log lines like the ones user code prints: progress, URLs with {@code &}, HTML, accents, emoji, tracebacks. */
final class DemoContent {

    private static final String[] LINES = {
        "run started: python 3.12, 2 vCPU, 512 MB",
        "step %d of 12: fetching https://api.example.com/items?page=%d&limit=50",
        "rendered <table class=\"report\"> with %d rows",
        "résultat du calcul : %d ✓",
        "uploading batch %d 🚀",
        "Traceback (most recent call last):\n  File \"main.py\", line %d, in <module>\nKeyError: 'user_id'",
        "warning: retrying request %d after 503 Service Unavailable",
        "SELECT * FROM orders WHERE total > %d AND status = 'paid'",
        "done in %d ms",
        "日志 %d: 处理完成"
    };

    private final Random random;

    DemoContent(Random random) {
        this.random = random;
    }

    /** One line. */
    String next() {
        String line = LINES[random.nextInt(LINES.length)];
        int number = random.nextInt(1000);
        return line.contains("%d") ? line.replace("%d", Integer.toString(number)) : line;
    }
}
