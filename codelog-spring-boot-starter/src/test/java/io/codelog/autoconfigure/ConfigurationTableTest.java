package io.codelog.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.core.ContentRules;
import io.codelog.mongo.MongoCodeLogIdIndex;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.s3.S3IdIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The variable table, the generated metadata, the documentation and the stores' own defaults agree: a property
 * added to one and forgotten in another fails here, and so does a documented property that no longer exists.
 */
class ConfigurationTableTest {

    private static final Pattern PROPERTY_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(codelog\\.[a-z0-9.-]+)\"");
    /** A table row whose first cell is a property name. */
    private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("^\\|\\s*`(codelog\\.[a-z0-9.-]+)`\\s*\\|");

    @Test
    void everyPropertyHasAVariableAndEveryVariableAProperty() throws IOException {
        List<String> documented = metadataProperties();
        List<String> mapped = Arrays.stream(FlowsVariable.values())
                .map(FlowsVariable::property)
                .toList();
        assertThat(documented).isNotEmpty();
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void theDocumentationTableListsEveryPropertyWithItsVariable() throws IOException {
        List<String> rows = documentationRows();
        for (FlowsVariable variable : FlowsVariable.values()) {
            assertThat(rows)
                    .as("a row of docs/configuration.md for %s", variable.property())
                    .anyMatch(row -> row.contains("`" + variable.property() + "`")
                            && row.contains("`" + variable.variable() + "`"));
        }
    }

    @Test
    void everyPropertyTheDocumentationTableListsStillExists() throws IOException {
        assertThat(rowsOfMissingProperties(documentationRows(), metadataProperties()))
                .as("rows of docs/configuration.md whose property is in no @ConfigurationProperties class")
                .isEmpty();
    }

    @Test
    void aDocumentedPropertyThatNoLongerExistsIsFound() {
        List<String> rows = List.of(
                "| property | environment variable | default | meaning |",
                "| `codelog.s3.enabled` | `FLOWS_CODE_ACTIONS_S3_ENABLED` | `false` | whether S3 receives new logs |",
                "| `codelog.s3.retired-knob` | `FLOWS_CODE_ACTIONS_S3_RETIRED_KNOB` | `1` | removed last release |",
                "| `codelog.s3.enabled` | `codelog.mode` | new logs go to |");

        assertThat(rowsOfMissingProperties(rows, List.of("codelog.s3.enabled", "codelog.mode")))
                .containsExactly("codelog.s3.retired-knob");
    }

    @Test
    void theDefaultsAreTheStoresOwn() {
        S3CodeLogSettings s3 = S3CodeLogSettings.of("logs-bucket", "");
        CodeLogS3Properties s3Properties = new CodeLogS3Properties();
        assertThat(s3Properties.getPrefix()).isEqualTo(s3.prefix());
        assertThat(IdIndexMode.parse(s3Properties.getIdIndex())).isEqualTo(IdIndexMode.S3);
        assertThat(s3.idIndex()).isEqualTo(S3IdIndex.pointers());
        assertThat(s3Properties.isReadLegacyPath()).isEqualTo(s3.readLegacyPath());
        assertThat(s3Properties.isGzip()).isEqualTo(s3.gzip());
        assertThat(s3Properties.getMaxRunDuration()).isEqualTo(s3.maxRunDuration());
        assertThat(s3Properties.getListWindow()).isEqualTo(s3.listWindow());
        assertThat(s3Properties.getLookupWindow()).isEqualTo(s3.lookupWindow());
        assertThat(s3Properties.getLookupCacheTtl()).isEqualTo(s3.lookupCacheTtl());
        assertThat(s3Properties.getReadConcurrency()).isEqualTo(s3.readConcurrency());
        assertThat(s3Properties.getEncryption().name())
                .isEqualTo(s3.encryption().mode().name());

        MongoCodeLogSettings mongo = MongoCodeLogSettings.defaults();
        CodeLogMongoProperties mongoProperties = new CodeLogMongoProperties();
        assertThat(mongoProperties.getCollection()).isEqualTo(mongo.collection());
        assertThat(mongoProperties.isCreateIndexes()).isEqualTo(mongo.createIndexes());
        assertThat(mongoProperties.getIdIndexCollection()).isEqualTo(MongoCodeLogIdIndex.DEFAULT_COLLECTION);

        CodeLogContentProperties content = new CodeLogContentProperties();
        assertThat(new ContentRules(content.getMaxLength(), content.getPolicy()))
                .isEqualTo(ContentRules.DEFAULT);
    }

    /** The properties named by the first cell of a table row that are not among {@code properties}. */
    private static List<String> rowsOfMissingProperties(List<String> rows, List<String> properties) {
        return rows.stream()
                .map(DOCUMENTED_PROPERTY::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .filter(property -> !properties.contains(property))
                .toList();
    }

    private static List<String> documentationRows() throws IOException {
        return Files.readAllLines(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("|"))
                .toList();
    }

    private static List<String> metadataProperties() throws IOException {
        try (InputStream in =
                ConfigurationTableTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int hints = json.indexOf("\"hints\"");
            String properties = json.substring(json.indexOf("\"properties\""), hints < 0 ? json.length() : hints);
            Matcher matcher = PROPERTY_NAME.matcher(properties);
            List<String> names = new ArrayList<>();
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names.stream().distinct().toList();
        }
    }
}
