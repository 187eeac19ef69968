package io.codelog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** The rules {@code lifecycle --apply} puts: codelog's replaced, every other rule of the bucket kept as it is. */
class LifecycleRulesTest {

    private static final LifecycleRule FOREIGN = LifecycleRule.builder()
            .id("archive-reports")
            .filter(LifecycleRuleFilter.builder().prefix("reports/").build())
            .status(ExpirationStatus.ENABLED)
            .transitions(Transition.builder()
                    .days(30)
                    .storageClass(TransitionStorageClass.GLACIER)
                    .build())
            .build();

    @Test
    @DisplayName("a bucket with a foreign rule and an older codelog rule: the foreign one kept, ours replaced")
    void merges() {
        LifecycleRules rules = new LifecycleRules(List.of("tenant/logs/", "tenant/index/"), 30);
        LifecycleRule older = LifecycleRule.builder()
                .id("codelog-expire:tenant/logs/")
                .filter(LifecycleRuleFilter.builder().prefix("tenant/logs/").build())
                .status(ExpirationStatus.ENABLED)
                .expiration(LifecycleExpiration.builder().days(90).build())
                .build();

        List<LifecycleRule> merged = rules.mergeInto(List.of(FOREIGN, older));

        assertThat(merged).hasSize(3);
        assertThat(merged.get(0)).isEqualTo(FOREIGN);
        assertThat(merged.subList(1, 3))
                .extracting(rule -> rule.expiration().days())
                .containsOnly(30);
        assertThat(merged).extracting(LifecycleRule::id).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a very long prefix still gives an id within S3's 255 characters, stable for the prefix")
    void longPrefix() {
        String prefix = "a/".repeat(200) + "logs/";

        String id = new LifecycleRules(List.of(prefix), 1).rules().get(0).id();

        assertThat(id).hasSizeLessThanOrEqualTo(255).startsWith(LifecycleRules.ID_PREFIX);
        assertThat(new LifecycleRules(List.of(prefix), 9).rules().get(0).id()).isEqualTo(id);
    }

    @Test
    @DisplayName("the prefix of a rule is read from its filter, its And filter, or the old top-level field")
    void prefixOf() {
        assertThat(LifecycleRules.prefixOf(FOREIGN)).isEqualTo("reports/");
        assertThat(LifecycleRules.prefixOf(LifecycleRule.builder()
                        .filter(LifecycleRuleFilter.builder()
                                .and(and -> and.prefix("x/"))
                                .build())
                        .build()))
                .isEqualTo("x/");
        assertThat(LifecycleRules.prefixOf(LifecycleRule.builder().build())).isEmpty();
    }
}
