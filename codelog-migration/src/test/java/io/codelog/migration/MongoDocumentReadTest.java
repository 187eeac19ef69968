package io.codelog.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelog.mongo.MongoCodeLogDocuments;
import io.codelog.test.TestServers;
import io.codelog.testservers.MongoTestServer;
import io.codelog.testservers.S3TestServer;
import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migration reads every historical document shape exactly as the MongoDB store's findById does. */
@ExtendWith(TestServers.class)
class MongoDocumentReadTest {

    @Test
    void readsAsTheStoreReads(MongoTestServer mongo, S3TestServer s3) {
        try (MigrationFixture fixture = new MigrationFixture(mongo, s3)) {
            new LogSeeder(31).seed(fixture.logs(), LocalDate.of(2024, 1, 1), 2, 400);
            int compared = 0;
            for (Document document : fixture.logs().find()) {
                var read = MongoCodeLogDocuments.read(document);
                assertThat(fixture.mongoRepository.findById(read.id())).contains(read);
                compared++;
            }
            assertThat(compared).isEqualTo(400);
        }
    }
}
