package io.codelog.autoconfigure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.core.CodeLogRules;
import io.codelog.mongo.MongoCodeLogRepository;
import io.codelog.mongo.MongoCodeLogSettings;
import io.codelog.s3.S3CodeLogRepository;
import io.codelog.s3.S3CodeLogSettings;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fresh MongoDB and S3 stores on the real test servers for one test class: one database and one bucket for the
 * class, a new collection or key prefix for every store.
 */
final class TwoStores implements AutoCloseable {

    private final TestStores servers;
    private final MongoClient mongoClient;
    private final MongoTemplate template;
    private final S3Client s3Client;
    private final String bucket;
    private final List<S3CodeLogRepository> opened = new CopyOnWriteArrayList<>();

    TwoStores(MongoTestServer mongo, S3TestServer s3) {
        this.servers = new TestStores(mongo, s3);
        this.mongoClient = MongoClients.create(mongo.connectionString());
        this.template = new MongoTemplate(
                mongoClient, "codelog_" + TestStores.uniqueName().replace('-', '_'));
        this.s3Client = servers.client();
        this.bucket = servers.createBucket();
    }

    /** A MongoDB store on a new collection. */
    MongoCodeLogRepository newMongo(CodeLogRules rules) {
        return new MongoCodeLogRepository(
                template,
                MongoCodeLogSettings.defaults()
                        .withCollection("codelog_" + TestStores.uniqueName().replace('-', '_'))
                        .withRules(rules));
    }

    /**
     * An S3 store in a new bucket of its own: listings of one shared bucket slow down as every test adds its
     * objects, which the contract, run from five start instants, multiplies.
     */
    S3CodeLogRepository newS3(CodeLogRules rules) {
        return newS3(rules, servers.createBucket());
    }

    /** An S3 store on a new prefix of the given bucket, which need not exist. */
    S3CodeLogRepository newS3(CodeLogRules rules, String bucketName) {
        S3CodeLogRepository repository = new S3CodeLogRepository(
                s3Client,
                S3CodeLogSettings.builder(bucketName)
                        .prefix(TestStores.uniqueName())
                        .rules(rules)
                        .build());
        opened.add(repository);
        return repository;
    }

    /** The class's bucket. */
    String bucket() {
        return bucket;
    }

    /** The S3 client the stores use. */
    S3Client s3Client() {
        return s3Client;
    }

    /** Closes the S3 stores opened so far (their request pools); the servers stay up. */
    void closeStores() {
        opened.forEach(S3CodeLogRepository::close);
        opened.clear();
    }

    @Override
    public void close() {
        try {
            closeStores();
            template.getDb().drop();
        } finally {
            s3Client.close();
            mongoClient.close();
        }
    }
}
