package io.codelog.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import io.codelog.testservers.TestS3Clients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One test's stores on the shared test servers: a fresh MongoDB database and a fresh bucket, the
 * FLOWS_CODE_ACTIONS_* variables that point the command line at them, and direct clients to seed and check.
 */
final class CliStores implements AutoCloseable {

    static final String PREFIX = "tenant";
    static final String SECRET = "codelog-cli-secret-";

    private static final SecureRandom RANDOM = new SecureRandom();

    final MongoClient mongoClient;
    final String database;
    final S3Client s3;
    final String bucket;
    final MongoCodeLogRepository mongoRepository;
    final S3CodeLogRepository s3Repository;
    private final MongoTestServer mongoServer;
    private final S3TestServer s3Server;

    CliStores(MongoTestServer mongoServer, S3TestServer s3Server) {
        this.mongoServer = mongoServer;
        this.s3Server = s3Server;
        mongoClient = MongoClients.create(mongoServer.connectionString());
        database = "cli_" + random(5);
        s3 = TestS3Clients.builder(s3Server).build();
        bucket = "codelog-cli-" + random(5);
        s3.createBucket(request -> request.bucket(bucket));
        CodeLogRules rules = CodeLogRules.defaults();
        mongoRepository = new MongoCodeLogRepository(
                new MongoTemplate(mongoClient, database),
                MongoCodeLogSettings.defaults().withRules(rules));
        s3Repository = new S3CodeLogRepository(
                s3,
                S3CodeLogSettings.builder(bucket).prefix(PREFIX).rules(rules).build());
    }

    /** The variables a deployment would set to point a service at these stores. */
    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("FLOWS_CODE_ACTIONS_MONGO_DB_URI", mongoServer.connectionString() + "/" + database);
        variables.put("FLOWS_CODE_ACTIONS_S3_BUCKET_NAME", bucket);
        variables.put("FLOWS_CODE_ACTIONS_S3_PREFIX", PREFIX);
        variables.put("FLOWS_CODE_ACTIONS_S3_REGION", s3Server.region());
        variables.put("FLOWS_CODE_ACTIONS_S3_ENDPOINT", s3Server.endpoint().toString());
        variables.put("FLOWS_CODE_ACTIONS_S3_PATH_STYLE_ACCESS", "true");
        variables.put("FLOWS_CODE_ACTIONS_S3_ACCESS_KEY_ID", s3Server.accessKeyId());
        variables.put("FLOWS_CODE_ACTIONS_S3_SECRET_ACCESS_KEY", s3Server.secretAccessKey());
        return variables;
    }

    /** These variables with some changed or added; a null value removes a variable. */
    Map<String, String> environment(String... namesAndValues) {
        Map<String, String> variables = environment();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                variables.remove(namesAndValues[i]);
            } else {
                variables.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return variables;
    }

    MongoCollection<Document> logs() {
        return mongoClient.getDatabase(database).getCollection(MongoCodeLogSettings.DEFAULT_COLLECTION);
    }

    MongoCollection<Document> collection(String name) {
        return mongoClient.getDatabase(database).getCollection(name);
    }

    /** Every key under a prefix. */
    List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public void close() {
        try {
            s3Repository.close();
            mongoClient.getDatabase(database).drop();
        } finally {
            mongoClient.close();
            s3.close();
        }
    }
}
