package io.codelog.cli;

import io.codelog.s3.S3RequestCounter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** The S3 requests of each step of a sequence, from one client's counter, and their total. */
final class RequestSteps {

    private final S3RequestCounter counter;
    private final Map<String, Map<String, Long>> steps = new LinkedHashMap<>();
    private Map<String, Long> atLastStep;

    RequestSteps(S3RequestCounter counter) {
        this.counter = counter;
        this.atLastStep = counter.snapshot();
    }

    /** Ends a step: the requests made since the previous one. */
    Map<String, Long> end(String step) {
        Map<String, Long> now = counter.snapshot();
        Map<String, Long> delta = new TreeMap<>();
        now.forEach((operation, count) -> {
            long made = count - atLastStep.getOrDefault(operation, 0L);
            if (made > 0) {
                delta.put(operation, made);
            }
        });
        atLastStep = now;
        steps.merge(step, delta, RequestSteps::sum);
        return delta;
    }

    /** One line per step and the total. */
    void print(PrintWriter out) {
        Map<String, Long> total = new TreeMap<>();
        steps.forEach((step, requests) -> {
            out.printf(Locale.ROOT, "  %-12s %s%n", step, describe(requests));
            requests.forEach((operation, count) -> total.merge(operation, count, Long::sum));
        });
        out.printf(Locale.ROOT, "  %-12s %s%n", "total", describe(total));
    }

    /** {@code PutObject 2,000, ListObjectsV2 61}, or {@code none}. */
    static String describe(Map<String, Long> requests) {
        if (requests.isEmpty()) {
            return "none";
        }
        StringJoiner joined = new StringJoiner(", ");
        requests.forEach((operation, count) -> joined.add(operation + " " + HumanReadable.count(count)));
        return joined.toString();
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((operation, count) -> sum.merge(operation, count, Long::sum));
        return sum;
    }
}
