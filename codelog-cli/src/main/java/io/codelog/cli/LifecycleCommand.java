package io.codelog.cli;

import io.codelog.core.CodeLogStorageException;
import io.codelog.s3.S3ObjectFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@code codelog lifecycle}: the bucket rule that expires logs at the retention period. */
@Command(
        name = "lifecycle",
        header = "Print or apply the S3 lifecycle rule that expires logs.",
        description = {
            "Prints the S3 lifecycle rule that deletes the store's objects at the retention period (expiration is"
                    + " free), as the JSON of aws s3api put-bucket-lifecycle-configuration. With --apply, sets it on"
                    + " the bucket, keeping the bucket's other rules.",
            "Transitions to STANDARD_IA or Glacier are left out on purpose: for objects under 128 KB they cost"
                    + " more than they save."
        })
final class LifecycleCommand implements Callable<Integer> {

    private static final String NO_CONFIGURATION = "NoSuchLifecycleConfiguration";
    private static final int SAMPLE = 1_000;

    @ParentCommand
    private CodelogCommand root;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "Days after which objects expire (default: codelog.cleaner.retention-period, rounded up).")
    private Integer days;

    @Option(
            names = "--index",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Also expire the id index pointers under {prefix}/index/ (default: ${DEFAULT-VALUE}).")
    private boolean index;

    @Option(
            names = "--apply",
            description = "Set the rules on the bucket (needs s3:GetLifecycleConfiguration and"
                    + " s3:PutLifecycleConfiguration).")
    private boolean apply;

    @Override
    public Integer call() {
        int expirationDays = expirationDays();
        S3CommandConnection s3 = root.s3("lifecycle");
        S3ObjectFormat format = s3.format();
        List<String> prefixes = new ArrayList<>();
        prefixes.add(BucketInventory.logsRoot(format, false));
        if (index) {
            prefixes.add(BucketInventory.indexRoot(format));
        }
        LifecycleRules rules = new LifecycleRules(prefixes, expirationDays);
        PrintWriter out = root.context().out();
        out.println(rules.toJson());
        PrintWriter err = root.context().err();
        err.println("Expiration counts from when an object was written to S3: a log migrated today expires "
                + expirationDays + " days from today, whatever its created_at.");
        new TransitionWarning(err).print(averageLogSize(s3, prefixes.get(0)));
        if (!apply) {
            return ExitCode.OK;
        }
        LifecycleBucket bucket = new LifecycleBucket(s3);
        List<LifecycleRule> existing = bucket.rules();
        new TransitionWarning(err).printExisting(existing, prefixes);
        List<LifecycleRule> merged = rules.mergeInto(existing);
        bucket.replace(merged);
        List<LifecycleRule> now = bucket.rules();
        List<String> kept = now.stream()
                .map(LifecycleRule::id)
                .filter(id -> !rules.ids().contains(id))
                .collect(Collectors.toList());
        out.println("applied to bucket " + s3.settings().bucket() + ": " + String.join(", ", rules.ids())
                + "; other rules kept: " + (kept.isEmpty() ? "none" : String.join(", ", kept)));
        return ExitCode.OK;
    }

    private int expirationDays() {
        if (days != null) {
            if (days < 1) {
                throw new CliUsageException("--days must be 1 or more, was " + days + ".");
            }
            return days;
        }
        Duration retention = root.settings().cleaner().getRetentionPeriod();
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new CliUsageException("codelog.cleaner.retention-period (FLOWS_CODE_ACTIONS_CLEANER_RETENTION_PERIOD)"
                    + " is not a positive duration: set it, or give --days.");
        }
        // S3 expires in whole days: rounding up never deletes a log before the retention period.
        long wholeDays = (retention.toHours() + 23) / 24;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, wholeDays));
    }

    /** The average size of up to 1,000 log objects (one LIST), or null when it cannot be measured. */
    private @Nullable Double averageLogSize(S3CommandConnection s3, String logsRoot) {
        try {
            var page = S3Listing.firstPage(s3.client(), s3.settings().bucket(), logsRoot, SAMPLE);
            if (page.contents().isEmpty()) {
                return null;
            }
            return page.contents().stream()
                    .mapToLong(object -> object.size() == null ? 0 : object.size())
                    .average()
                    .orElse(0);
        } catch (SdkException e) {
            // The rule does not depend on the sample: print it anyway, and say why the size is missing.
            root.context().err().println("(average object size not measured: " + e.getMessage() + ")");
            return null;
        }
    }

    /** The bucket's lifecycle configuration, read and replaced whole (S3 has no per-rule call). */
    private static final class LifecycleBucket {
        private final S3CommandConnection s3;

        LifecycleBucket(S3CommandConnection s3) {
            this.s3 = s3;
        }

        List<LifecycleRule> rules() {
            try {
                return s3.client()
                        .getBucketLifecycleConfiguration(
                                request -> request.bucket(s3.settings().bucket()))
                        .rules();
            } catch (S3Exception e) {
                if (NO_CONFIGURATION.equals(errorCode(e))) {
                    return List.of();
                }
                throw refused("GetBucketLifecycleConfiguration", e);
            }
        }

        void replace(List<LifecycleRule> rules) {
            try {
                s3.client()
                        .putBucketLifecycleConfiguration(
                                request -> request.bucket(s3.settings().bucket())
                                        .lifecycleConfiguration(configuration -> configuration.rules(rules)));
            } catch (S3Exception e) {
                throw refused("PutBucketLifecycleConfiguration", e);
            }
        }

        private CodeLogStorageException refused(String operation, S3Exception e) {
            String code = errorCode(e);
            String advice;
            if (e.statusCode() == 501 || "NotImplemented".equals(code)) {
                advice = "this S3 server does not support lifecycle configuration: set the rule printed above with the"
                        + " server's own tools (on AWS: aws s3api put-bucket-lifecycle-configuration --bucket "
                        + s3.settings().bucket() + " --lifecycle-configuration file://rule.json)";
            } else if (e.statusCode() == 403) {
                advice = "the credentials need s3:GetLifecycleConfiguration and s3:PutLifecycleConfiguration on the"
                        + " bucket";
            } else {
                advice = "nothing was changed; run again";
            }
            return new CodeLogStorageException(
                    "s3",
                    "lifecycle",
                    operation + " on bucket " + s3.settings().bucket() + " answered " + e.statusCode() + " " + code
                            + ": " + advice,
                    e);
        }

        private static String errorCode(S3Exception e) {
            return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        }
    }
}
