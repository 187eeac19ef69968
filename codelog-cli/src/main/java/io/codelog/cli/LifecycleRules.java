package io.codelog.cli;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * The store's expiration rules: one per key prefix ({@code {prefix}/logs/}, and {@code {prefix}/index/} on
 * request), each deleting objects a number of days after they were written. Expiration is free; transitions
 * are left out on purpose (see {@link LifecycleCommand}). The rule ids name the prefix, so that applying them
 * replaces codelog's earlier rules for that prefix and nothing else.
 */
final class LifecycleRules {

    static final String ID_PREFIX = "codelog-expire:";
    private static final int MAX_ID_LENGTH = 255;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final List<LifecycleRule> rules;

    LifecycleRules(List<String> prefixes, int days) {
        List<LifecycleRule> built = new ArrayList<>();
        for (String prefix : prefixes) {
            built.add(LifecycleRule.builder()
                    .id(ruleId(prefix))
                    .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
                    .status(ExpirationStatus.ENABLED)
                    .expiration(LifecycleExpiration.builder().days(days).build())
                    .build());
        }
        this.rules = List.copyOf(built);
    }

    /** The rules. */
    List<LifecycleRule> rules() {
        return rules;
    }

    /** The ids of the rules. */
    Set<String> ids() {
        return rules.stream().map(LifecycleRule::id).collect(Collectors.toSet());
    }

    /** The bucket's rules with codelog's for these prefixes replaced by these: other rules are kept as they are. */
    List<LifecycleRule> mergeInto(List<LifecycleRule> existing) {
        Set<String> ours = ids();
        List<LifecycleRule> merged = new ArrayList<>();
        existing.stream().filter(rule -> !ours.contains(rule.id())).forEach(merged::add);
        merged.addAll(rules);
        return merged;
    }

    /** The rules as the JSON of {@code aws s3api put-bucket-lifecycle-configuration --lifecycle-configuration}. */
    String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(new PrettyWriteContext(), out)) {
            json.writeStartObject();
            json.writeName("Rules");
            json.writeStartArray();
            for (LifecycleRule rule : rules) {
                json.writeStartObject();
                json.writeStringProperty("ID", rule.id());
                json.writeName("Filter");
                json.writeStartObject();
                json.writeStringProperty("Prefix", rule.filter().prefix());
                json.writeEndObject();
                json.writeStringProperty("Status", rule.statusAsString());
                json.writeName("Expiration");
                json.writeStartObject();
                json.writeNumberProperty("Days", rule.expiration().days());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toString();
    }

    /** The key prefix a rule applies to ("" for the whole bucket), whichever way the rule gives it. */
    static String prefixOf(LifecycleRule rule) {
        LifecycleRuleFilter filter = rule.filter();
        if (filter != null && filter.prefix() != null) {
            return filter.prefix();
        }
        if (filter != null && filter.and() != null && filter.and().prefix() != null) {
            return filter.and().prefix();
        }
        @SuppressWarnings("deprecation")
        String legacyPrefix = rule.prefix();
        return legacyPrefix == null ? "" : legacyPrefix;
    }

    private static String ruleId(String prefix) {
        String id = ID_PREFIX + prefix;
        if (id.length() <= MAX_ID_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(prefix.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Indents the JSON for people. */
    private static final class PrettyWriteContext extends ObjectWriteContext.Base {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }
}
