package io.codelog.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * Explains why the rule has no transition to STANDARD_IA or Glacier: S3 Standard-IA bills every object as at
 * least 128 KB and charges each transition, so for small log objects it costs more than Standard; Glacier adds
 * 40 KB of billed overhead per object. Also points at rules of the bucket that already make such transitions.
 */
final class TransitionWarning {

    private final PrintWriter err;

    TransitionWarning(PrintWriter err) {
        this.err = err;
    }

    /** The warning, with the measured average object size when there is one. */
    void print(Double averageBytes) {
        StringBuilder text = new StringBuilder("Warning: no transition to STANDARD_IA or Glacier, on purpose. ");
        if (averageBytes != null) {
            double standard = averageBytes / S3StandardPrices.BYTES_PER_GB * S3StandardPrices.STORAGE_USD_PER_GB_MONTH;
            double infrequent = Math.max(averageBytes, S3StandardPrices.IA_MINIMUM_BILLED_BYTES)
                    / S3StandardPrices.BYTES_PER_GB
                    * S3StandardPrices.IA_STORAGE_USD_PER_GB_MONTH;
            text.append("The log objects average ")
                    .append(HumanReadable.bytes(averageBytes))
                    .append(" (measured on up to 1,000 of them): in STANDARD_IA each is billed as 128 KB, ")
                    .append(HumanReadable.usd(infrequent))
                    .append(" a month against ")
                    .append(HumanReadable.usd(standard))
                    .append(" in STANDARD (")
                    .append(String.format(Locale.ROOT, "%,.0f", infrequent / standard))
                    .append(" times more)");
        } else {
            text.append("Log objects are small (a few KB at most): in STANDARD_IA each is billed as 128 KB");
        }
        text.append(", plus ")
                .append(HumanReadable.unitPrice(S3StandardPrices.IA_TRANSITION_USD_PER_1000))
                .append(
                        " per 1,000 transitions; Glacier adds 40 KB of billed overhead per object and its own transition"
                                + " fee. For objects under 128 KB a transition costs more than it saves: expire them instead.");
        err.println(text);
    }

    /** A warning for each rule of the bucket that moves codelog's objects to another storage class. */
    void printExisting(List<LifecycleRule> existing, List<String> prefixes) {
        for (LifecycleRule rule : existing) {
            if (!rule.hasTransitions() || rule.transitions().isEmpty()) {
                continue;
            }
            String prefix = LifecycleRules.prefixOf(rule);
            boolean overlaps = prefixes.stream().anyMatch(ours -> ours.startsWith(prefix) || prefix.startsWith(ours));
            if (overlaps) {
                err.println("Warning: the bucket's rule '" + rule.id() + "' moves objects under '" + prefix + "' to "
                        + rule.transitions().get(0).storageClassAsString() + ": for codelog's small objects that costs"
                        + " more than it saves; consider removing its transition (it is kept as it is).");
            }
        }
    }
}
