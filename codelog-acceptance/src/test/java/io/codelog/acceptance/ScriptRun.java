package io.codelog.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The step lines one run of {@link AcceptanceScript} printed, parsed, and the checks every row applies to them. */
final class ScriptRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String child;
    private final List<JsonNode> steps;

    private ScriptRun(String child, List<JsonNode> steps) {
        this.child = child;
        this.steps = steps;
    }

    /** The step lines among a child's output lines. */
    static ScriptRun of(ChildApplication child) {
        List<JsonNode> steps = new ArrayList<>();
        for (String line : child.lines()) {
            if (line.startsWith(StepLine.PREFIX)) {
                steps.add(JSON.readTree(line.substring(StepLine.PREFIX.length())));
            }
        }
        return new ScriptRun(child.name(), steps);
    }

    /** Whether {@code com.mongodb.client.MongoClient} loaded in the child. */
    boolean mongoClientLoads() {
        return step("classpath").get("mongoClient").asBoolean();
    }

    /** Whether {@code org.springframework.data.mongodb.core.MongoTemplate} loaded in the child. */
    boolean mongoTemplateLoads() {
        return step("classpath").get("mongoTemplate").asBoolean();
    }

    /** Whether the script printed any step of its own, beyond the class path report. */
    boolean ranAnyStep() {
        return steps.stream()
                .anyMatch(step -> !"classpath".equals(step.get("step").asString()));
    }

    String idA() {
        return step("create", "A").get("id").asString();
    }

    String idB() {
        return step("create", "B").get("id").asString();
    }

    /** Whether the lookup before or after the go-ahead found the log. */
    boolean lookupFound(String label) {
        return step("lookup", label).get("found").asBoolean();
    }

    /** What the clean step printed: {@code cleaned N}, {@code skipped} or {@code no cleaner}. */
    String clean() {
        return step("clean").get("result").asString();
    }

    /**
     * Every operation did what the repository promises: both logs created on the run and code, A found, the
     * listing holds A then B, the update kept A's creation time, the count was 2, B deleted, and
     * {@code deleteOlder} deleted the old logs the test seeded.
     */
    void assertEveryStep(String runId, String codeId, long oldLogsSeeded) {
        JsonNode a = step("create", "A");
        JsonNode b = step("create", "B");
        assertLog(a, runId, codeId, AcceptanceScript.CONTENT_A);
        assertLog(b, runId, codeId, AcceptanceScript.CONTENT_B);
        assertThat(text(a, "id")).as("%s: id of A", child).matches("[0-9a-f]{24}");
        assertThat(text(b, "id"))
                .as("%s: id of B", child)
                .matches("[0-9a-f]{24}")
                .isNotEqualTo(text(a, "id"));
        assertThat(text(a, "updatedAt"))
                .as("%s: A's updatedAt at creation", child)
                .isEqualTo(text(a, "createdAt"));

        JsonNode found = step("findById", "A");
        assertThat(found.get("found").asBoolean())
                .as("%s: findById(A) found it", child)
                .isTrue();
        assertThat(text(found, "id")).as("%s: findById(A) id", child).isEqualTo(idA());
        assertLog(found, runId, codeId, AcceptanceScript.CONTENT_A);

        List<String> listed = new ArrayList<>();
        step("listRunLogs").get("ids").forEach(id -> listed.add(id.asString()));
        assertThat(listed).as("%s: listRunLogs(runId) ids, oldest first", child).containsExactly(idA(), idB());

        JsonNode updated = step("update", "A");
        assertThat(text(updated, "id")).as("%s: update(A) id", child).isEqualTo(idA());
        assertLog(updated, runId, codeId, AcceptanceScript.UPDATED);
        assertThat(text(updated, "createdAt"))
                .as("%s: update keeps createdAt", child)
                .isEqualTo(text(a, "createdAt"));
        assertThat(Instant.parse(text(updated, "updatedAt")))
                .as("%s: update advances updatedAt", child)
                .isAfterOrEqualTo(Instant.parse(text(a, "updatedAt")));

        assertThat(step("count").get("count").asLong())
                .as("%s: count(runId) before the delete", child)
                .isEqualTo(2);
        JsonNode delete = step("delete");
        assertThat(text(delete, "id")).as("%s: delete(B) id", child).isEqualTo(idB());
        assertThat(delete.get("deleted").asBoolean())
                .as("%s: delete(B) deleted it", child)
                .isTrue();
        assertThat(step("deleteOlder").get("deleted").asLong())
                .as("%s: deleteOlder(now - 30 days, 1000) deleted the seeded old logs", child)
                .isEqualTo(oldLogsSeeded);
        step("done");
    }

    private void assertLog(JsonNode log, String runId, String codeId, String content) {
        String what = child + ": " + log.get("step").asString() + " "
                + log.get("label").asString();
        assertThat(text(log, "runId")).as("%s runId", what).isEqualTo(runId);
        assertThat(text(log, "codeId")).as("%s codeId", what).isEqualTo(codeId);
        assertThat(text(log, "type")).as("%s type", what).isEqualTo("info");
        assertThat(text(log, "content")).as("%s content", what).isEqualTo(content);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private JsonNode step(String name) {
        return step(name, null);
    }

    /** The one line of the step (with the label, when given). */
    private JsonNode step(String name, String label) {
        List<JsonNode> matching = steps.stream()
                .filter(step -> name.equals(step.get("step").asString()))
                .filter(step -> label == null || label.equals(text(step, "label")))
                .toList();
        assertThat(matching)
                .as("%s printed the step %s%s exactly once", child, name, label == null ? "" : " " + label)
                .hasSize(1);
        return matching.get(0);
    }
}
