package io.codelog.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.codelog.s3.S3RequestCounter;
import java.net.URI;
import org.springframework.data.mongodb.core.MongoTemplate;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The clients of one path to the servers (direct, or through delaying proxies): codelog's S3 client and MongoDB
 * client, each counting its requests, and a separate S3 client for the raw baseline, so that the counters see
 * codelog's requests only.
 */
final class IdIndexClients implements AutoCloseable {

    static final String DATABASE = "codelog_bench_id_index";

    final S3RequestCounter s3Requests = new S3RequestCounter();
    final MongoCommandCounter mongoCommands = new MongoCommandCounter();
    final S3Client codelog;
    final S3Client raw;
    final MongoClient mongo;
    final MongoTemplate template;

    /**
     * @param s3 the S3 endpoint to send to (the server's, or a proxy's)
     * @param mongoAddress the MongoDB server's address, or a proxy's, as {@code http://host:port}
     */
    IdIndexClients(S3Endpoint endpoint, URI s3, URI mongoAddress) {
        codelog = endpoint.client(s3, s3Requests);
        raw = endpoint.client(s3, new S3RequestCounter());
        mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + mongoAddress.getHost() + ":" + mongoAddress.getPort()))
                .addCommandListener(mongoCommands)
                .build());
        template = new MongoTemplate(mongo, DATABASE);
    }

    /** The MongoDB server's address as {@code http://host:port}, which {@link DelayProxy} takes as its upstream. */
    static URI address(String connectionString) {
        String host = new ConnectionString(connectionString).getHosts().get(0);
        return URI.create("http://" + host);
    }

    /** Sets both of codelog's counters back to zero. */
    void resetCounts() {
        s3Requests.reset();
        mongoCommands.reset();
    }

    @Override
    public void close() {
        try {
            mongo.close();
        } finally {
            codelog.close();
            raw.close();
        }
    }
}
