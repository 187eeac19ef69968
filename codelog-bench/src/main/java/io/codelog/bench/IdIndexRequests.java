package io.codelog.bench;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The S3 requests and MongoDB commands codelog sent for a number of calls, counted by {@code S3RequestCounter}
 * and {@link MongoCommandCounter}, written per call: {@code 1 PUT + 1 Mongo insert}.
 *
 * @param s3 S3 requests by operation name
 * @param mongo MongoDB commands by name
 * @param calls how many calls sent them
 */
record IdIndexRequests(Map<String, Long> s3, Map<String, Long> mongo, long calls) {

    IdIndexRequests {
        s3 = Map.copyOf(s3);
        mongo = Map.copyOf(mongo);
    }

    /** What the clients counted since their last reset, for {@code calls} calls. */
    static IdIndexRequests counted(IdIndexClients clients, long calls) {
        return new IdIndexRequests(clients.s3Requests.snapshot(), clients.mongoCommands.snapshot(), calls);
    }

    /** S3 requests of this operation per call. */
    double s3PerCall(String operation) {
        return s3.getOrDefault(operation, 0L) / (double) calls;
    }

    /** MongoDB commands of this name per call. */
    double mongoPerCall(String command) {
        return mongo.getOrDefault(command, 0L) / (double) calls;
    }

    /** MongoDB write commands (insert, update, delete) per call. */
    double mongoWritesPerCall() {
        return mongoPerCall("insert") + mongoPerCall("update") + mongoPerCall("delete");
    }

    /** Every S3 request per call. */
    double s3TotalPerCall() {
        return s3.values().stream().mapToLong(Long::longValue).sum() / (double) calls;
    }

    /** Whether each call sent exactly these S3 requests and MongoDB commands, and nothing else. */
    boolean exactly(Map<String, Long> s3PerCall, Map<String, Long> mongoPerCall) {
        return scaled(s3PerCall).equals(s3) && scaled(mongoPerCall).equals(mongo);
    }

    private Map<String, Long> scaled(Map<String, Long> perCall) {
        Map<String, Long> total = new TreeMap<>();
        perCall.forEach((name, count) -> total.put(name, count * calls));
        return total;
    }

    /** Per call, e.g. {@code 1 PUT + 1 Mongo insert}, {@code 3 LIST + 1 GET}; fractions where calls differ. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(" + ");
        Map<String, String> names =
                Map.of("PutObject", "PUT", "GetObject", "GET", "ListObjectsV2", "LIST", "HeadObject", "HEAD");
        new TreeMap<>(s3)
                .descendingMap()
                .forEach((operation, count) ->
                        text.add(number(count / (double) calls) + " " + names.getOrDefault(operation, operation)));
        new TreeMap<>(mongo)
                .forEach((command, count) -> text.add(number(count / (double) calls) + " Mongo " + command));
        return text.length() == 0 ? "0" : text.toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
